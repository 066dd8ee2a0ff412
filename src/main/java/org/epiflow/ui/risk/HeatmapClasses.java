package org.epiflow.ui.risk;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.classify.BreakFinder;
import org.epiflow.analytics.classify.Breaks;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.ColorScheme;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.map.Argb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a heatmap's figures are classed and coloured: breaks by the chosen method (or kept from before, or the
 * analyst's own edges), a diverging column centred on its neutral value, the scheme's colours for the classes, and
 * the legend with the column's digits.
 *
 * @param breaks   the class breaks
 * @param inner    the inner edges, as the map's layer takes them
 * @param colors   the classes' fill colours (85 % opaque), lowest class first
 * @param legend   the legend, lowest class first
 * @param badEdges whether the custom edges could not be used (quantiles were used instead)
 */
record HeatmapClasses(Breaks breaks, double[] inner, int[] colors, Legend legend, boolean badEdges) {
    /** How the figures are to be classed. */
    record Rule(ClassificationMethod method, int classes, String customEdges, ColorScheme scheme, boolean reversed,
                Breaks locked) {
    }

    /**
     * Classes {@code v}, figures of {@code col} (null for the forecast), under {@code rule}, for a legend titled
     * {@code title}.
     */
    static HeatmapClasses of(double[] v, Column col, Rule rule, String title) {
        int k = Math.max(2, Math.min(9, rule.classes()));
        ColorScheme scheme = rule.scheme();
        boolean divergingColumn = col != null && col.scale() == Column.Scale.DIVERGING
                && scheme.kind() == ColorScheme.Kind.DIVERGING;
        boolean diverging = divergingColumn && rule.method() != ClassificationMethod.CUSTOM;
        Breaks breaks;
        int below = -1;
        boolean bad = false;
        try {
            if (rule.locked() != null) {
                breaks = rule.locked();
            } else if (rule.method() == ClassificationMethod.CUSTOM) {
                breaks = BreakFinder.custom(parseEdges(rule.customEdges()));
            } else if (diverging) {
                BreakFinder.Diverging d = BreakFinder.diverging(rule.method(), v, k, col.centre());
                breaks = d.breaks();
                below = d.below();
            } else {
                breaks = BreakFinder.of(rule.method(), v, k);
            }
        } catch (IllegalArgumentException e) {
            bad = true;
            breaks = BreakFinder.quantiles(v, k);
        }
        if (below < 0 && divergingColumn) {
            below = 0;
            for (int c = 0; c < breaks.classes(); c++) {
                below += breaks.upper(c) <= col.centre() ? 1 : 0;
            }
        }
        int[] classColors = below >= 0 ? scheme.diverging(below, breaks.classes() - below, rule.reversed())
                : scheme.colors(breaks.classes(), rule.reversed());
        Legend l = Legend.of(title, breaks, scheme, classColors, col == null ? 3 : col.digits());
        double[] edges = breaks.edges();
        int[] colors = new int[l.entries().size()];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = Argb.withAlpha(l.entries().get(i).argb(), 0.85);
        }
        return new HeatmapClasses(breaks, Arrays.copyOfRange(edges, 1, edges.length - 1), colors, l, bad);
    }

    /** Parses custom edges: numbers separated by commas, semicolons or spaces. */
    static double[] parseEdges(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("[,;\\s]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(Double.parseDouble(p));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
