package org.epiflow.export.layout;

import org.epiflow.export.LayoutMetrics;
import org.epiflow.export.MapPage;
import org.epiflow.export.PageCanvas;
import org.epiflow.export.PageText;
import org.epiflow.map.Language;
import org.epiflow.map.MapPath;
import org.epiflow.map.MapScene;
import org.epiflow.map.MapViewport;
import org.epiflow.map.TextMetrics;
import org.epiflow.map.TextStyle;
import org.epiflow.map.layer.SceneLayer;
import org.epiflow.text.Message;

/**
 * Paints a whole page through any {@link PageCanvas}: header, the map frame (basemap, heatmap, flows, symbols,
 * labels, scale bar, north arrow), legend and footer. The same calls go to every backend; a backend that places the
 * map frame itself (slides: pictures) paints the rest with {@link #paint(PageCanvas, PrintLayout, MapPage, boolean)}
 * and the frame's two parts with {@link #paintFrameBase} and {@link #paintFrameOverlay}.
 */
public final class LayoutPainter {
    private LayoutPainter() {
    }

    /** The boundary note, in the page's language. */
    public static String disclaimer(Language lang) {
        return PageText.of(lang, Message.of("export.page.disclaimer"));
    }

    public static void paint(PageCanvas c, PrintLayout l, MapPage p) {
        paint(c, l, p, true);
    }

    /** Paints the page; {@code frame = false} leaves the inside of the map frame to the caller (its border is drawn). */
    public static void paint(PageCanvas c, PrintLayout l, MapPage p, boolean frame) {
        TextMetrics tm = LayoutMetrics.get();
        double w = l.page().width(), h = l.page().height(), u = l.unit(), m = l.margin();
        MapPath path = new MapPath();
        c.begin((int) Math.ceil(w), (int) Math.ceil(h), 0xFFFFFFFF);
        c.fill(path.reset().moveTo(0, 0).lineTo(w, 0).lineTo(w, h).lineTo(0, h).close(), 0xFFFFFFFF);

        if (l.header()) {
            c.beginLayer("header");
            double right = w - m;
            if (!p.trace().marking().isEmpty()) {
                TextStyle ms = l.marking();
                double tw = tm.width(p.trace().marking(), ms), pad = 5 * u;
                double bx = right - tw - 2 * pad, by = l.headerTop();
                c.stroke(path.reset().moveTo(bx, by).lineTo(right, by).lineTo(right, by + tm.height(ms) + 2 * pad)
                        .lineTo(bx, by + tm.height(ms) + 2 * pad).close(), PrintLayout.RED, Math.max(1, 1.2 * u));
                c.text(p.trace().marking(), bx + pad, by + pad + tm.ascent(ms), ms);
                right = bx - 12 * u;
            }
            double y = l.headerTop() + tm.ascent(l.title());
            c.text(LegendPainter.fit(p.title(), l.title(), right - m), m, y, l.title());
            if (!p.subtitle().isEmpty()) {
                y += PrintLayout.lineHeight(l.title()) - tm.ascent(l.title()) + tm.ascent(l.subtitle());
                c.text(LegendPainter.fit(p.subtitle(), l.subtitle(), right - m), m, y, l.subtitle());
            }
            c.endLayer();
        }

        if (frame) {
            paintFrame(c, l, p);
        }
        paintFrameBorder(c, l);
        c.beginLayer("legend");
        LegendPainter.paint(c, l, p);
        c.endLayer();

        c.beginLayer("footer");
        double y = l.footerTop() + 4 * u + tm.ascent(l.body());
        String left = p.periodLine().isEmpty() ? p.trace().sourceLine(p.language())
                : p.periodLine() + "    " + p.trace().sourceLine(p.language());
        c.text(LegendPainter.fit(left, l.body(), w - 2 * m), m, y, l.body());
        y += PrintLayout.lineHeight(l.small());
        c.text(disclaimer(p.language()), m, y, l.small());
        y += PrintLayout.lineHeight(l.small());
        c.text(LegendPainter.fit(p.trace().footerLine(p.language()), l.small(), w - 2 * m), m, y, l.small());
        c.endLayer();
        c.end();
    }

    /** The map frame: scene layers clipped to the frame, scale bar, north arrow. */
    static void paintFrame(PageCanvas c, PrintLayout l, MapPage p) {
        c.beginFrame(l.frameX(), l.frameY(), l.frameW(), l.frameH());
        paintFrameBase(c, l, p);
        paintFrameOverlay(c, l, p);
        c.endFrame();
    }

    /**
     * The back of the map frame, in frame coordinates: the scene's leading layers that do not change with the flows
     * (sea and land, the heatmap, province borders: what stays the same from one day to the next when the heatmap
     * does).
     */
    public static void paintFrameBase(PageCanvas c, PrintLayout l, MapPage p) {
        paintLayers(c, p.scene(), true);
    }

    /**
     * The front of the map frame, in frame coordinates: the layers from the first that follows the flows (circles,
     * flows, labels), then the scale bar and north arrow.
     */
    public static void paintFrameOverlay(PageCanvas c, PrintLayout l, MapPage p) {
        MapScene s = p.scene();
        MapViewport v = s.viewport();
        double u = l.unit();
        paintLayers(c, s, false);
        c.beginLayer("scalebar");
        paintScaleBar(c, l, p, v, u);
        paintNorthArrow(c, v, u, p.language());
        c.endLayer();
    }

    /** The scene's layers before ({@code base}) or from the first layer that changes with the flows. */
    private static void paintLayers(PageCanvas c, MapScene s, boolean base) {
        boolean front = false;
        for (SceneLayer layer : s.sceneLayers()) {
            front |= layer.followsFlows();
            if (front != base && layer.shows(s)) {
                layer.paint(s, c);
            }
        }
    }

    private static void paintFrameBorder(PageCanvas c, PrintLayout l) {
        double u = l.unit();
        MapPath path = new MapPath();
        c.stroke(path.moveTo(l.frameX(), l.frameY()).lineTo(l.frameX() + l.frameW(), l.frameY())
                .lineTo(l.frameX() + l.frameW(), l.frameY() + l.frameH()).lineTo(l.frameX(), l.frameY() + l.frameH())
                .close(), 0xFF808080, Math.max(0.75, u));
    }

    private static void paintScaleBar(PageCanvas c, PrintLayout l, MapPage p, MapViewport v, double u) {
        TextMetrics tm = LayoutMetrics.get();
        TextStyle ts = new TextStyle(l.small().size(), false, 0xFF202020, 0, 0);
        ScaleBar bar = ScaleBar.of(v, Math.min(v.width() * 0.22, 200 * u));
        boolean paper = l.page().paper() != null;
        String rf = paper ? PageText.of(p.language(), Message.of("export.page.scale",
                String.format("%,d", bar.representativeFraction()))) : "";
        double pad = 6 * u, barH = 5 * u;
        double boxW = Math.max(bar.lengthUnits() + tm.width(bar.label(), ts) / 2 + tm.width("0", ts) / 2,
                tm.width(rf, ts)) + 2 * pad;
        double boxH = tm.height(ts) + barH + 2 * pad + 3 * u + (paper ? tm.height(ts) + 2 * u : 0);
        double x0 = 8 * u, y0 = v.height() - 8 * u - boxH;
        MapPath path = new MapPath();
        c.fill(rect(path, x0, y0, boxW, boxH), 0xD9FFFFFF);
        double bx = x0 + pad + tm.width("0", ts) / 2, by = y0 + pad + tm.height(ts) + 3 * u;
        double seg = bar.lengthUnits() / 4;
        for (int i = 0; i < 4; i++) {
            c.fill(rect(path, bx + i * seg, by, seg, barH), i % 2 == 0 ? 0xFF202020 : 0xFFFFFFFF);
        }
        c.stroke(rect(path, bx, by, bar.lengthUnits(), barH), 0xFF202020, Math.max(0.5, 0.75 * u));
        double base = y0 + pad + tm.ascent(ts);
        c.text("0", bx - tm.width("0", ts) / 2, base, ts);
        c.text(bar.halfLabel(), bx + 2 * seg - tm.width(bar.halfLabel(), ts) / 2, base, ts);
        c.text(bar.label(), bx + 4 * seg - tm.width(bar.label(), ts) / 2, base, ts);
        if (paper) {
            c.text(rf, x0 + pad, by + barH + 2 * u + tm.ascent(ts), ts);
        }
    }

    private static void paintNorthArrow(PageCanvas c, MapViewport v, double u, Language lang) {
        double a = NorthArrow.angle(v), cos = Math.cos(a), sin = Math.sin(a);
        double cx = v.width() - 26 * u, cy = 40 * u, r = 16 * u;
        double[][] pts = {{0, -r}, {-0.45 * r, 0.6 * r}, {0, 0.3 * r}, {0.45 * r, 0.6 * r}};
        double[][] s = new double[4][];
        for (int i = 0; i < 4; i++) {
            s[i] = new double[] {cx + pts[i][0] * cos - pts[i][1] * sin, cy + pts[i][0] * sin + pts[i][1] * cos};
        }
        MapPath path = new MapPath();
        c.fillCircle(cx, cy, r * 1.25, 0xB3FFFFFF);
        c.fill(path.reset().moveTo(s[0][0], s[0][1]).lineTo(s[1][0], s[1][1]).lineTo(s[2][0], s[2][1]).close(),
                0xFF202020);
        c.fill(path.reset().moveTo(s[0][0], s[0][1]).lineTo(s[3][0], s[3][1]).lineTo(s[2][0], s[2][1]).close(),
                0xFFFFFFFF);
        c.stroke(path.reset().moveTo(s[0][0], s[0][1]).lineTo(s[1][0], s[1][1]).lineTo(s[2][0], s[2][1])
                .lineTo(s[3][0], s[3][1]).close(), 0xFF202020, Math.max(0.5, 0.8 * u));
        TextStyle ts = new TextStyle(11 * u, true, 0xFF202020, 0xCCFFFFFF, 2 * u);
        String n = PageText.of(lang, Message.of("export.page.north"));
        TextMetrics tm = LayoutMetrics.get();
        double lx = cx + sin * (r + 9 * u), ly = cy - cos * (r + 9 * u);
        c.text(n, lx - tm.width(n, ts) / 2, ly + tm.ascent(ts) / 2 - 1, ts);
    }

    static MapPath rect(MapPath p, double x, double y, double w, double h) {
        return p.reset().moveTo(x, y).lineTo(x + w, y).lineTo(x + w, y + h).lineTo(x, y + h).close();
    }
}
