package org.epiflow.analytics.compare;

/**
 * One region's (or province's) figure of a column in the period and in the baseline.
 *
 * @param value            the period's figure; NaN when the model has none or it is withheld
 * @param baseline         the baseline's figure (a day moved into the period's frame); NaN when the region is not in
 *                         the baseline, the model has none there or it is withheld
 * @param change           period minus baseline in the change's unit ({@link ChangeRule#change}); NaN when either side
 *                         is missing or the change is withheld
 * @param changePercent    the change in percent of the baseline; NaN when the baseline is 0 or missing, the change is
 *                         withheld, or the column has no change in percent — never a made-up 0
 * @param valueWithheld    the period's figure is a trip figure between 0 and k: not published
 * @param baselineWithheld the baseline's figure is not published
 * @param changeWithheld   the change is not published: made from a withheld figure, or a change of trips below k
 * @param inBaseline       whether the region (or province) is in the baseline at all
 */
public record RiskChange(double value, double baseline, double change, double changePercent, boolean valueWithheld,
                         boolean baselineWithheld, boolean changeWithheld, boolean inBaseline) {

    /** Combines a period's figure with the baseline's by the column's rule; {@code k} for a trip figure. */
    static RiskChange of(ChangeRule rule, RiskFigures.Figure p, RiskFigures.Figure b, int k) {
        boolean in = b != null;
        // a trip figure below the comparison's k (the larger of the two bundles') is not published here either,
        // though the bundle with the lower k published it (as Suppressed.change does for the flows)
        boolean trips = rule.column().flowDerived();
        boolean vw = p != null && (p.withheld() || trips && p.raw() > 0 && p.raw() < k);
        boolean bw = b != null && (b.withheld() || trips && b.raw() > 0 && b.raw() < k);
        double v = p == null || vw ? Double.NaN : p.value();
        double bv = b == null || bw ? Double.NaN : b.value();
        boolean cw = vw || bw;
        double ch = cw ? Double.NaN : rule.change(v, bv);
        if (!cw && rule.column().flowDerived() && Double.isFinite(ch) && Math.abs(p.raw() - b.raw()) < k) {
            // a difference of trips below k could reveal a cell: suppressed like any derived figure (per capita
            // too: with the same residents on both sides it gives the difference back)
            cw = true;
            ch = Double.NaN;
        }
        double pct = !rule.hasPercent() || cw || !Double.isFinite(ch) || !(bv != 0) ? Double.NaN
                : 100 * (v - bv) / Math.abs(bv);
        return new RiskChange(v, bv, ch, pct, vw, bw, cw, in);
    }

    /** The figure a measure shows: 0 value, 1 baseline, 2 change, 3 change in percent. */
    public double measure(int which) {
        return switch (which) {
            case 0 -> value;
            case 1 -> baseline;
            case 2 -> change;
            default -> changePercent;
        };
    }

    /** Whether the figure a measure shows is withheld (not published) rather than missing. */
    public boolean withheld(int which) {
        return switch (which) {
            case 0 -> valueWithheld;
            case 1 -> baselineWithheld;
            default -> changeWithheld;
        };
    }
}
