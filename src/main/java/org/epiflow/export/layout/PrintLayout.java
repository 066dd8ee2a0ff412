package org.epiflow.export.layout;

import org.epiflow.export.PageSpec;
import org.epiflow.map.TextStyle;

/**
 * The geometry of a QGIS-like print layout, in layout units (1/96 in, y down): a header (title, subtitle, handling
 * marking at the top right), the map frame, a legend panel (right of the map on landscape pages, below it on
 * portrait ones), and a footer (date or period, data source, boundary note, export trace). The map frame has
 * integer position and size, so a 96-dpi raster export puts map pixels exactly where a screen render would.
 * Everything scales with the page's short side S (A4: 794 units).
 *
 * @param page       the page
 * @param margin     outer margin
 * @param frameX     map frame left
 * @param frameY     map frame top
 * @param frameW     map frame width
 * @param frameH     map frame height
 * @param legendX    legend panel left
 * @param legendY    legend panel top
 * @param legendW    legend panel width
 * @param legendH    legend panel height
 * @param headerTop  top of the header
 * @param footerTop  top of the footer block
 * @param header     whether the header (title, subtitle, marking) is drawn
 * @param unit       S / 794: one A4 "unit" of type size
 */
public record PrintLayout(PageSpec page, double margin, int frameX, int frameY, int frameW, int frameH,
                          double legendX, double legendY, double legendW, double legendH, double headerTop,
                          double footerTop, boolean header, double unit) {
    static final int RED = 0xFFB00020, INK = 0xFF202020, GREY = 0xFF606060;

    /** Lays out a page; {@code subtitle} tells whether a subtitle line is reserved. */
    public static PrintLayout of(PageSpec page, boolean header, boolean subtitle) {
        double w = page.width(), h = page.height();
        double u = Math.min(w, h) / 794.0;
        double m = Math.max(8, 30 * u);
        double top = m;
        if (header) {
            top += lineHeight(titleStyle(u)) + (subtitle ? lineHeight(subtitleStyle(u)) : 0) + 10 * u;
        }
        double footerH = 3 * lineHeight(smallStyle(u)) + 8 * u;
        double footerTop = h - m - footerH;
        double gap = 12 * u;
        double bodyH = footerTop - gap - top;
        double bodyW = w - 2 * m;
        int fx = (int) Math.round(m), fy = (int) Math.round(top);
        if (page.isLandscape()) {
            double lw = Math.max(150, Math.min(bodyW * 0.32, 250 * u));
            int fw = (int) Math.floor(bodyW - lw - gap);
            int fh = (int) Math.floor(bodyH);
            return new PrintLayout(page, m, fx, fy, fw, fh, fx + fw + gap, fy, lw, fh, m, footerTop, header, u);
        }
        double lh = Math.max(120, bodyH * 0.24);
        int fw = (int) Math.floor(bodyW);
        int fh = (int) Math.floor(bodyH - lh - gap);
        return new PrintLayout(page, m, fx, fy, fw, fh, fx, fy + fh + gap, fw, lh, m, footerTop, header, u);
    }

    static double lineHeight(TextStyle s) {
        return s.size() * 1.35;
    }

    static TextStyle titleStyle(double u) {
        return new TextStyle(24 * u, true, INK, 0, 0);
    }

    static TextStyle subtitleStyle(double u) {
        return new TextStyle(14.5 * u, false, GREY, 0, 0);
    }

    static TextStyle bodyStyle(double u) {
        return new TextStyle(Math.max(7, 12 * u), false, INK, 0, 0);
    }

    static TextStyle boldStyle(double u) {
        return new TextStyle(Math.max(7, 12 * u), true, INK, 0, 0);
    }

    static TextStyle smallStyle(double u) {
        return new TextStyle(Math.max(6, 9.5 * u), false, GREY, 0, 0);
    }

    static TextStyle markingStyle(double u) {
        return new TextStyle(Math.max(7, 12 * u), true, RED, 0, 0);
    }

    public TextStyle title() {
        return titleStyle(unit);
    }

    public TextStyle subtitle() {
        return subtitleStyle(unit);
    }

    public TextStyle body() {
        return bodyStyle(unit);
    }

    public TextStyle bold() {
        return boldStyle(unit);
    }

    public TextStyle small() {
        return smallStyle(unit);
    }

    public TextStyle marking() {
        return markingStyle(unit);
    }
}
