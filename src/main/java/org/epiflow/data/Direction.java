package org.epiflow.data;

/** Which flows of the selected regions a query keeps. With an empty selection every direction keeps all flows. */
public enum Direction {
    /** Every flow; the selection is ignored. */
    ALL,
    /** Flows whose destination is selected. */
    INCOMING,
    /** Flows whose origin is selected. */
    OUTGOING,
    /** Flows with either end selected (incoming or outgoing). */
    BOTH,
    /** Flows with both ends selected (between the selected regions). */
    BETWEEN
}
