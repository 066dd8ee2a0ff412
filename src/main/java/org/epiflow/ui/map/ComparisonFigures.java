package org.epiflow.ui.map;

import org.epiflow.map.FlowMeasure;
import org.epiflow.map.FlowValues;
import org.epiflow.map.MapComparison;
import org.epiflow.map.NodeValues;
import org.epiflow.text.Message;
import org.epiflow.ui.i18n.Messages;

import java.text.NumberFormat;

/**
 * A place's figure of a comparison or per-capita map in words, for its tooltip: "Change (total trips): −12,345",
 * "Change in %: −78.2 %", "… not published (below 10 in a period)", "… partly from unpublished cells". Never 0 for a
 * figure that is not published.
 */
final class ComparisonFigures {
    private ComparisonFigures() {
    }

    static String place(Messages m, MapComparison c, int node, int k) {
        NodeValues v = c.places();
        String what = m.format(Message.of(c.measure().messageKey()));
        if (c.perCapita() != null) {
            what = m.get("map.tooltip.compare.perCapita", what);
        }
        FlowValues.State st = v.state(node);
        if (st == FlowValues.State.NOT_PUBLISHED) {
            return m.get("map.tooltip.compare.notPublished", what, k);
        }
        if (st == FlowValues.State.SUPPRESSED) {
            return m.get("map.tooltip.compare.belowK", what, k);
        }
        String figure = number(m, c.measure(), v.value(node), c.perCapita() != null);
        return m.get(v.marked(node) ? "map.tooltip.compare.marked" : "map.tooltip.compare", what, figure);
    }

    static String number(Messages m, FlowMeasure measure, double value, boolean perCapita) {
        NumberFormat f = NumberFormat.getNumberInstance(m.locale());
        boolean signed = measure.diverging();
        if (measure == FlowMeasure.CHANGE_PERCENT) {
            f.setMaximumFractionDigits(1);
            f.setMinimumFractionDigits(1);
        } else if (perCapita) {
            f.setMaximumFractionDigits(2);
            f.setMinimumFractionDigits(2);
        } else {
            f.setMaximumFractionDigits(0);
        }
        String s = f.format(Math.abs(value));
        String sign = !signed || value == 0 ? "" : value > 0 ? "+" : "−";
        return sign + s + (measure == FlowMeasure.CHANGE_PERCENT ? " %" : "");
    }
}
