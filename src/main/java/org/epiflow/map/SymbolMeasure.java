package org.epiflow.map;

import org.epiflow.data.LocationTotals;

/** Which location total sizes the circles. */
public enum SymbolMeasure {
    INCOMING, OUTGOING, TOTAL;

    public long of(LocationTotals t, int node) {
        return switch (this) {
            case INCOMING -> t.incoming(node);
            case OUTGOING -> t.outgoing(node);
            case TOTAL -> t.total(node);
        };
    }
}
