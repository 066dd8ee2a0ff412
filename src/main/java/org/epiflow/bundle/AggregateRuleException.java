package org.epiflow.bundle;

import org.epiflow.text.Message;

/** A table breaks an aggregate-only rule: the bundle might carry record-level or small-cell data. */
public class AggregateRuleException extends BundleException {
    private static final long serialVersionUID = 1L;

    /** Which rule was broken. */
    public enum Rule {
        /** A column that looks like a subscriber or device identifier. */
        IDENTIFIER_COLUMN,
        /** A column the format does not declare for this table. */
        UNDECLARED_COLUMN,
        /** A declared column is missing or the columns are in another order. */
        MISSING_COLUMN,
        /** A published count below the suppression threshold k. */
        BELOW_K,
        /** The same cell (day and regions) published twice. */
        DUPLICATE_CELL,
        /** Rows not in the required order (day, then region codes in table order). */
        OUT_OF_ORDER,
        /** A region code not listed in regions.csv. */
        UNKNOWN_REGION,
        /** A date outside the bundle's period. */
        OUTSIDE_PERIOD,
        /** A value that is not of the column's type (date, count, code, coordinate). */
        BAD_VALUE,
        /** A table the format does not know. */
        UNDECLARED_TABLE
    }

    private final Rule rule;

    public AggregateRuleException(Rule rule, Message message) {
        super(BundleCheck.AGGREGATE_RULES, message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
