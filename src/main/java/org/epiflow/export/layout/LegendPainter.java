package org.epiflow.export.layout;

import org.epiflow.export.LayoutMetrics;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageCanvas;
import org.epiflow.export.PageText;
import org.epiflow.map.ChoroplethLayer;
import org.epiflow.map.Language;
import org.epiflow.map.Legend;
import org.epiflow.map.MapLayer;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.TextStyle;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the legend panel from the scene's {@link Legend} (flow classes, symbol sizes, notes) and the optional
 * heatmap's classes: blocks stacked in one column on landscape pages, side by side on portrait ones.
 */
final class LegendPainter {
    private record Row(String label, int color, double size, char kind) {
    }

    private record Block(String title, List<Row> rows) {
    }

    private LegendPainter() {
    }

    static void paint(PageCanvas c, PrintLayout l, MapPage p) {
        MapScene scene = p.scene();
        Legend legend = scene.legend();
        Language lang = p.language();
        List<Block> blocks = new ArrayList<>();
        if (p.heatmap() != null) {
            List<Row> rows = new ArrayList<>();
            for (var e : p.heatmap().legend()) {
                rows.add(new Row(PageText.localizeRange(lang, e.label()), e.argb(), 0, e.hatched() ? 'x' : 'h'));
            }
            p.heatmap().noteLines().forEach(s -> rows.add(new Row(s, 0, 0, 'w')));
            blocks.add(new Block(p.heatmap().title(), rows));
        }
        if (scene.shows(MapLayer.FLOWS) && scene.flows() != null && scene.flows().size() > 0) {
            List<Row> rows = new ArrayList<>();
            for (Legend.Entry e : legend.flows()) {
                rows.add(new Row(PageText.localizeRange(lang, e.label()), e.color(), e.size(),
                        e.dashed() ? 'd' : 'f'));
            }
            blocks.add(new Block(legend.title(), rows));
        }
        if (scene.shows(MapLayer.SYMBOLS) && !legend.symbols().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (Legend.Entry e : legend.symbols()) {
                rows.add(new Row(e.label(), e.color(), e.size(), 's'));
            }
            blocks.add(new Block(PageText.of(lang, Message.of("export.legend.symbols")), rows));
        }
        List<Row> notes = new ArrayList<>();
        if (!p.flowsLine().isEmpty()) {
            notes.add(new Row(p.flowsLine(), 0, 0, 'n'));
        }
        for (String n : legend.notes()) {
            if (!n.equals(Legend.boundaryNote(p.language(), null))) {   // the footer carries the disclaimer
                notes.add(new Row(n, 0, 0, 'n'));
            }
        }
        blocks.add(new Block(PageText.of(lang, Message.of("export.legend.notes")), notes));

        double u = l.unit();
        if (l.page().isLandscape()) {
            double y = l.legendY();
            for (Block b : blocks) {
                y = paintBlock(c, l, b, l.legendX(), y, l.legendW()) + 12 * u;
            }
        } else {
            double colW = l.legendW() / blocks.size();
            for (int i = 0; i < blocks.size(); i++) {
                paintBlock(c, l, blocks.get(i), l.legendX() + i * colW, l.legendY(), colW - 10 * u);
            }
        }
    }

    /** Paints one block from its top; returns its bottom. */
    private static double paintBlock(PageCanvas c, PrintLayout l, Block b, double x, double y, double w) {
        TextMetrics tm = LayoutMetrics.get();
        double u = l.unit();
        TextStyle head = l.bold(), body = l.body(), small = l.small();
        double bottom = l.legendY() + l.legendH();
        y += tm.ascent(head);
        if (y > bottom) {
            return y;
        }
        c.text(b.title(), x, y, head);
        y += tm.height(head) - tm.ascent(head) + 6 * u;
        double swatch = 30 * u;
        MapPath path = new MapPath();
        for (Row r : wrapped(b.rows(), small, w)) {
            TextStyle ts = r.kind() == 'n' ? small : body;
            double rowH = Math.max(tm.height(ts) + 3 * u, r.kind() == 's' ? 2 * r.size() + 4 : 0);
            if (y + rowH > bottom + 1) {
                break;
            }
            double mid = y + rowH / 2;
            double tx = x + swatch + 8 * u;
            switch (r.kind()) {
                case 'f', 'd' -> {
                    double hw = Math.max(0.5, Math.min(r.size(), rowH - 2) / 2);
                    c.fill(path.reset().moveTo(x, mid - hw).lineTo(x + swatch, mid - hw * 0.3)
                            .lineTo(x + swatch, mid + hw * 0.3).lineTo(x, mid + hw).close(), r.color());
                    if (r.kind() == 'd') {
                        // the gaps of a dashed arc (as the map cuts them), in the paper's colour
                        MapPath gaps = new MapPath();
                        for (double g = 7 * u; g < swatch; g += 11 * u) {
                            gaps.moveTo(x + g, mid).lineTo(x + Math.min(swatch, g + 4 * u), mid);
                        }
                        c.stroke(gaps, 0xFFFFFFFF, 2 * hw + 2);
                    }
                }
                case 's' -> {
                    double cx = x + swatch / 2;
                    c.fillCircle(cx, mid, r.size(), r.color());
                    c.strokeCircle(cx, mid, r.size(), 0xCC1F4E79, 1);
                }
                case 'h', 'x' -> {
                    double top = mid - 6 * u, h = 12 * u;
                    c.fill(path.reset().moveTo(x, top).lineTo(x + swatch, top).lineTo(x + swatch, top + h)
                            .lineTo(x, top + h).close(), r.kind() == 'x' ? ChoroplethLayer.NO_VALUE_FILL : r.color());
                    c.stroke(path, 0xFF9A9A90, 0.5);
                    if (r.kind() == 'x') {
                        MapPath hatch = new MapPath();
                        for (double d = -h; d < swatch; d += 5 * u) {
                            double x0 = Math.max(0, d), x1 = Math.min(swatch, d + h);
                            hatch.moveTo(x + x0, top + (x0 - d)).lineTo(x + x1, top + (x1 - d));
                        }
                        c.stroke(hatch, ChoroplethLayer.HATCH, Math.max(0.5, 0.8 * u));
                    }
                }
                default -> tx = x;
            }
            double base = mid - tm.height(ts) / 2 + tm.ascent(ts);
            c.text(fit(r.label(), ts, x + w - tx), tx, base, ts);
            y += rowH;
        }
        return y;
    }

    /**
     * The rows with every note to wrap ({@code 'w'}: the heatmap's note and the run's inputs) broken into small-print
     * rows that fit {@code w}: at the last space that keeps at least half the line, else between characters (Chinese).
     */
    private static List<Row> wrapped(List<Row> rows, TextStyle ts, double w) {
        TextMetrics tm = LayoutMetrics.get();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.kind() != 'w') {
                out.add(r);
                continue;
            }
            String rest = r.label().strip();
            while (!rest.isEmpty()) {
                int fits = 1;   // the longest prefix that fits (at least one character): widths grow with length
                int over = rest.length() + 1;
                while (over - fits > 1) {
                    int mid = (fits + over) >>> 1;
                    if (tm.width(rest.substring(0, mid), ts) <= w) {
                        fits = mid;
                    } else {
                        over = mid;
                    }
                }
                int cut = fits;
                if (fits < rest.length()) {
                    int space = rest.lastIndexOf(' ', fits);
                    if (space >= fits / 2 && space > 0) {
                        cut = space;
                    } else if (Character.isHighSurrogate(rest.charAt(cut - 1)) && cut > 1) {
                        cut--;
                    }
                }
                out.add(new Row(rest.substring(0, cut).strip(), 0, 0, 'n'));
                rest = rest.substring(cut).strip();
            }
        }
        return out;
    }

    /** Cuts text with an ellipsis to fit a width. */
    static String fit(String s, TextStyle ts, double w) {
        TextMetrics tm = LayoutMetrics.get();
        if (tm.width(s, ts) <= w || s.length() < 2) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && tm.width(t + "…", ts) > w) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
