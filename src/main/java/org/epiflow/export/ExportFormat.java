package org.epiflow.export;

import java.util.Locale;

/** The briefing export formats. */
public enum ExportFormat {
    /** Raster image (Java2D), with pHYs DPI and a tEXt trace. */
    PNG("png", Kind.MAP),
    /** Vector image: text as text, one path per arc. */
    SVG("svg", Kind.MAP),
    /** Vector page(s), text as text with the CJK font embedded (glyph subset), trace in the info dictionary. */
    PDF("pdf", Kind.MAP),
    /** Slides: one per date, editable title and notes, the map as a high-resolution picture. */
    PPTX("pptx", Kind.MAP),
    /** Animated raster over a date range. */
    GIF("gif", Kind.MAP),
    /** Table (rankings, partners, flows of a day) as UTF-8 CSV with '#' trace lines. */
    CSV("csv", Kind.TABLE),
    /** Table as an Excel workbook (data sheet + "about" sheet), trace in the core properties. */
    XLSX("xlsx", Kind.TABLE);

    /** What a format holds. */
    public enum Kind { MAP, TABLE }

    private final String extension;
    private final Kind kind;

    ExportFormat(String extension, Kind kind) {
        this.extension = extension;
        this.kind = kind;
    }

    public String extension() {
        return extension;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTable() {
        return kind == Kind.TABLE;
    }

    /** Whether the format holds several dates (one frame / slide / page each) when given a range. */
    public boolean isMultiFrame() {
        return this == GIF || this == PPTX;
    }

    /** Parses "png", "PDF", … */
    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (png, svg, pdf, pptx, gif, csv, xlsx)");
        }
    }
}
