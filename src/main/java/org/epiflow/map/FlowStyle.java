package org.epiflow.map;

/**
 * How flows are drawn: curved arcs (a quadratic Bézier whose control point lies {@code bow} × chord length to the right
 * of the origin → destination direction, so A→B and B→A bow to opposite sides and never overlap), tapering from the
 * full width at the origin to {@code taper} × width at the destination, optionally with an arrow head, width and colour
 * from the {@link FlowScale}.
 *
 * @param minWidth  width in pixels at the bottom of the scale domain
 * @param maxWidth  width in pixels at the top of the scale domain
 * @param bow       sideways offset of the control point as a fraction of the chord (0 = straight)
 * @param taper     destination width / origin width (0–1)
 * @param arrowHead draw an arrow head at the destination
 * @param ramp      colours from the smallest to the largest volume (ARGB, with alpha)
 * @param classes   number of legend classes (colour steps); 0 = continuous ramp
 * @param minVisibleInk level of detail: skip a flow when {@code maxWidth × √(volume / scale max) × alpha} (its width
 *                  were it proportional to √volume, in pixels) is below this
 */
public record FlowStyle(double minWidth, double maxWidth, double bow, double taper, boolean arrowHead, int[] ramp,
                        int classes, double minVisibleInk) {
    public FlowStyle {
        if (ramp == null || ramp.length < 2) {
            throw new IllegalArgumentException("a ramp needs two colours at least");
        }
        ramp = ramp.clone();
    }

    /**
     * Light palette: orange to deep red. Even the lightest class keeps a contrast of at least 3:1 with the land it
     * crosses (the WCAG minimum for graphics), so the smallest flow drawn is still seen.
     */
    public static FlowStyle light() {
        return new FlowStyle(1.0, 8, 0.18, 0.3, false,
                new int[] {0xF0D24A1C, 0xF0BD3019, 0xF0A11A14, 0xF2820A0F, 0xF25E0008}, 5, 0.12);
    }

    /** Dark palette: teal to bright yellow, the lightest class at least 3:1 against the dark land. */
    public static FlowStyle dark() {
        return new FlowStyle(1.0, 8, 0.18, 0.3, false,
                new int[] {0xD941B6C4, 0xE07FCDBB, 0xE6C7E9B4, 0xEBFFFFB2, 0xF2FFFF00}, 5, 0.12);
    }

    @Override
    public int[] ramp() {
        return ramp.clone();
    }

    int rampColor(int i) {
        return ramp[i];
    }

    int rampSize() {
        return ramp.length;
    }

    /** Up to this many flows, the smallest is drawn {@link #minWidth()} wide. */
    public static final int DENSE_FLOWS = 1000;
    /** The thinnest the smallest flow becomes however many are shown, pixels. */
    public static final double DENSE_MIN_WIDTH = 0.25;

    /**
     * This style for {@code n} flows: beyond {@value #DENSE_FLOWS}, the smallest flow's width falls as
     * √(DENSE_FLOWS / n) (to {@value #DENSE_MIN_WIDTH} px), so the many small flows fade into hairlines (drawn with
     * their width as alpha) and the large ones carry the picture — roughly the same ink however many are shown.
     */
    public FlowStyle forCount(int n) {
        if (n <= DENSE_FLOWS) {
            return this;
        }
        double min = Math.max(DENSE_MIN_WIDTH, minWidth * Math.sqrt((double) DENSE_FLOWS / n));
        return min >= minWidth ? this : new FlowStyle(min, maxWidth, bow, taper, arrowHead, ramp, classes,
                minVisibleInk);
    }

    public FlowStyle withArrowHead(boolean on) {
        return new FlowStyle(minWidth, maxWidth, bow, taper, on, ramp, classes, minVisibleInk);
    }

    public FlowStyle withWidths(double min, double max) {
        return new FlowStyle(min, max, bow, taper, arrowHead, ramp, classes, minVisibleInk);
    }

    public FlowStyle withClasses(int n) {
        return new FlowStyle(minWidth, maxWidth, bow, taper, arrowHead, ramp, n, minVisibleInk);
    }
}
