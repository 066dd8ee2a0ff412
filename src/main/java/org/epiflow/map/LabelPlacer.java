package org.epiflow.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy label placement in screen space: candidates are taken by priority (highest first); each tries positions
 * around its anchor (right, left, above, below, or centred for area labels) and takes the first whose box overlaps no
 * label already placed and stays on screen. A uniform grid of buckets keeps overlap tests cheap. A place is labelled
 * once: a candidate for something already labelled (see {@code labelled}) is dropped.
 */
public final class LabelPlacer {
    private LabelPlacer() {
    }

    /**
     * A label that would like to be drawn.
     *
     * @param text     the text
     * @param x        anchor x (screen)
     * @param y        anchor y (screen)
     * @param offset   distance from the anchor to keep free (e.g. a symbol's radius); for point labels
     * @param priority larger = placed first
     * @param style    text style
     * @param centred  area label: only centred on the anchor
     * @param key      what it labels (a region code), for the caller
     */
    public record Candidate(String text, double x, double y, double offset, double priority, TextStyle style,
                            boolean centred, String key) {
    }

    /**
     * A placed label. The text's baseline starts at ({@code x}, {@code baseline}); the box is its collision rectangle.
     */
    public record Placed(String text, double x, double baseline, double boxX, double boxY, double boxW, double boxH,
                         TextStyle style, String key) {
    }

    public static List<Placed> place(List<Candidate> candidates, TextMetrics metrics, int width, int height) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::priority).reversed());
        final int cell = 64;
        int gw = width / cell + 1, gh = height / cell + 1;
        @SuppressWarnings("unchecked")
        List<double[]>[] grid = new List[gw * gh];
        List<Placed> out = new ArrayList<>();
        Set<String> placedKeys = new HashSet<>();
        Map<String, List<String>> placedTexts = new HashMap<>();
        for (Candidate c : sorted) {
            if (c.text() == null || c.text().isBlank() || labelled(c, placedKeys, placedTexts)) {
                continue;
            }
            double w = metrics.width(c.text(), c.style());
            double h = metrics.height(c.style());
            double pad = c.style().haloWidth();
            double gap = c.offset() + 2;
            double[][] tries = c.centred()
                    ? new double[][] {{c.x() - w / 2, c.y() - h / 2}}
                    : new double[][] {
                            {c.x() + gap, c.y() - h / 2},
                            {c.x() - gap - w, c.y() - h / 2},
                            {c.x() - w / 2, c.y() - gap - h},
                            {c.x() - w / 2, c.y() + gap}};
            for (double[] t : tries) {
                double bx = t[0] - pad, by = t[1] - pad, bw = w + 2 * pad, bh = h + 2 * pad;
                if (bx < 0 || by < 0 || bx + bw > width || by + bh > height) {
                    continue;
                }
                if (free(grid, gw, cell, bx, by, bw, bh)) {
                    double[] box = {bx, by, bw, bh};
                    for (int gy = (int) (by / cell); gy <= (int) ((by + bh) / cell) && gy < gh; gy++) {
                        for (int gx = (int) (bx / cell); gx <= (int) ((bx + bw) / cell) && gx < gw; gx++) {
                            int i = gy * gw + gx;
                            if (grid[i] == null) {
                                grid[i] = new ArrayList<>(4);
                            }
                            grid[i].add(box);
                        }
                    }
                    out.add(new Placed(c.text(), t[0], t[1] + metrics.ascent(c.style()), bx, by, bw, bh, c.style(),
                            c.key()));
                    if (c.key() != null) {
                        placedKeys.add(c.key());
                    }
                    placedTexts.computeIfAbsent(c.text(), k -> new ArrayList<>()).add(c.key());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether the place is labelled already: the same key (a place and its own region), or the same text for a key of
     * the same province (Beijing the city and Beijing the municipality). Two different cities of one name in
     * different provinces are both labelled.
     */
    private static boolean labelled(Candidate c, Set<String> keys, Map<String, List<String>> texts) {
        if (c.key() != null && keys.contains(c.key())) {
            return true;
        }
        List<String> same = texts.get(c.text());
        if (same == null) {
            return false;
        }
        for (String k : same) {
            if (k == null || c.key() == null || province(k).equals(province(c.key()))) {
                return true;
            }
        }
        return false;
    }

    private static String province(String code) {
        return code.length() >= 2 ? code.substring(0, 2) : code;
    }

    private static boolean free(List<double[]>[] grid, int gw, int cell, double bx, double by, double bw, double bh) {
        int gh = grid.length / gw;
        for (int gy = (int) (by / cell); gy <= (int) ((by + bh) / cell) && gy < gh; gy++) {
            for (int gx = (int) (bx / cell); gx <= (int) ((bx + bw) / cell) && gx < gw; gx++) {
                List<double[]> l = grid[gy * gw + gx];
                if (l != null) {
                    for (double[] b : l) {
                        if (bx < b[0] + b[2] && b[0] < bx + bw && by < b[1] + b[3] && b[1] < by + bh) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
