package org.epiflow.ui.risk;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.RollUp;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.ui.i18n.Messages;

/** What the heatmap says about one place: the figure as the legend and table write it, and the hover line. */
final class HeatmapHover {
    private HeatmapHover() {
    }

    /** A figure as the legend and table show it: the column's significant digits, more for probabilities near 1. */
    static String format(double v, Column c) {
        if (Double.isNaN(v)) {
            return "";
        }
        int digits = c == null ? 3 : c.digits();
        if (c != null && c.rollUp().kind() == RollUp.Kind.PROBABILITY && v > 0.999 && v < 1) {
            digits = Math.max(digits, (int) Math.ceil(-Math.log10(1 - v)) + 2);
        }
        return Legend.format(v, digits);
    }

    /**
     * The hover line of a place: the mapped figure {@code v} (null when the place has none, then why, from its
     * {@code mark}) and, for a region whose row has one, the model's 95 % interval.
     */
    static String describe(Messages messages, RiskRun r, Column c, String label, String code, Double v,
                           ChoroplethLayer.Mark mark, boolean provinces) {
        if (v == null) {
            String why = mark == ChoroplethLayer.Mark.SOURCE ? messages.get("risk.ranking.source")
                    : mark == ChoroplethLayer.Mark.SUPPRESSED ? messages.get("risk.ranking.suppressed")
                    : messages.get("risk.heatmap.noData");
            return mark == null ? "" : messages.get("risk.hover.value", label, why);
        }
        String text = messages.get("risk.hover.value", label, format(v, c));
        if (c != null && !provinces) {
            var row = r.result().row(code);
            var lo = r.result().column(c.name() + "_lower");
            var hi = r.result().column(c.name() + "_upper");
            if (row.isPresent() && lo.isPresent() && hi.isPresent()) {
                text = messages.get("risk.hover.interval", label, format(v, c),
                        format(row.get().value(lo.getAsInt()), c), format(row.get().value(hi.getAsInt()), c));
            }
        }
        return text;
    }
}
