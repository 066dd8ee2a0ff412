package org.epiflow.export;

import org.epiflow.export.pdf.PdfFormat;
import org.epiflow.export.pptx.PptxFormat;
import org.epiflow.export.raster.GifFormat;
import org.epiflow.export.raster.PngFormat;
import org.epiflow.export.svg.SvgFormat;
import org.epiflow.export.table.CsvFormat;
import org.epiflow.export.table.XlsxFormat;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The briefing export formats, each with what it can do and its writer. The dialog, the view-model, the command line
 * and {@link Exporter} ask a format these questions instead of naming formats, so a new format is its constant here,
 * its writer and its two message lines ({@code export.format.NAME} in the app's messages).
 */
public enum ExportFormat {
    /** Raster image (Java2D), with pHYs DPI and a tEXt trace. */
    PNG("png", Capabilities.map().withDpi().withPageSizes(), PngFormat::new),
    /** Vector image: text as text, one path per arc. */
    SVG("svg", Capabilities.map().withPageSizes(), SvgFormat::new),
    /** Vector page(s), text as text with the CJK font embedded (glyph subset), trace in the info dictionary. */
    PDF("pdf", Capabilities.map().withPageSizes(), PdfFormat::new),
    /**
     * Slides: one per day of the range on a 16:9 slide; title, legend, footer and notes as editable text and shapes,
     * the map as slide-sized pictures.
     */
    PPTX("pptx", Capabilities.map().withFixedPage(Paper.SLIDE, 144).withPerDay(), PptxFormat::new),
    /** Animated raster, one frame per day of the range. */
    GIF("gif", Capabilities.map().withDpi().withPageSizes().withPerDay().withFrameDelay(), GifFormat::new),
    /** Table (rankings, partners, flows of a day) as UTF-8 CSV with '#' trace lines. */
    CSV("csv", Capabilities.table(), CsvFormat::new),
    /** Table as an Excel workbook (data sheet + "about" sheet), trace in the core properties. */
    XLSX("xlsx", Capabilities.table(), XlsxFormat::new);

    /** What a format holds. */
    public enum Kind { MAP, TABLE }

    /**
     * What a format can do.
     *
     * @param kind       map or table
     * @param dpi        whether a raster resolution applies (PNG, GIF)
     * @param sizes      whether the page size is chosen (paper or pixels); false for tables and fixed pages
     * @param fixedPaper the one page a format always uses (PPTX: a 16:9 slide), or null
     * @param fixedDpi   the resolution of the pictures on a fixed page (PPTX: slide-sized, 144 dpi)
     * @param perDay     whether a range gives one frame / slide per day (else one page of the range's sum)
     * @param frameDelay whether frames have a delay (GIF)
     */
    public record Capabilities(Kind kind, boolean dpi, boolean sizes, Paper fixedPaper, int fixedDpi,
                               boolean perDay, boolean frameDelay) {
        static Capabilities map() {
            return new Capabilities(Kind.MAP, false, false, null, 0, false, false);
        }

        static Capabilities table() {
            return new Capabilities(Kind.TABLE, false, false, null, 0, false, false);
        }

        Capabilities withDpi() {
            return new Capabilities(kind, true, sizes, fixedPaper, fixedDpi, perDay, frameDelay);
        }

        Capabilities withPageSizes() {
            return new Capabilities(kind, dpi, true, fixedPaper, fixedDpi, perDay, frameDelay);
        }

        Capabilities withFixedPage(Paper p, int pictureDpi) {
            return new Capabilities(kind, dpi, false, p, pictureDpi, perDay, frameDelay);
        }

        Capabilities withPerDay() {
            return new Capabilities(kind, dpi, sizes, fixedPaper, fixedDpi, true, frameDelay);
        }

        Capabilities withFrameDelay() {
            return new Capabilities(kind, dpi, sizes, fixedPaper, fixedDpi, perDay, true);
        }
    }

    private final String extension;
    private final Capabilities caps;
    private final Supplier<? extends FormatWriter> factory;
    private volatile FormatWriter writer;

    ExportFormat(String extension, Capabilities caps, Supplier<? extends FormatWriter> factory) {
        this.extension = extension;
        this.caps = caps;
        this.factory = factory;
    }

    public String extension() {
        return extension;
    }

    public Capabilities capabilities() {
        return caps;
    }

    public Kind kind() {
        return caps.kind();
    }

    public boolean isTable() {
        return caps.kind() == Kind.TABLE;
    }

    /** Whether the format holds several dates (one frame / slide per day) when given a range. */
    public boolean isMultiFrame() {
        return caps.perDay();
    }

    /** Whether a raster resolution (DPI) applies. */
    public boolean usesDpi() {
        return caps.dpi();
    }

    /** Whether the user chooses the page size (paper or pixels). */
    public boolean choosesPageSize() {
        return caps.sizes();
    }

    /** Whether the page is always the same (a 16:9 slide for PPTX). */
    public boolean hasFixedPage() {
        return caps.fixedPaper() != null;
    }

    /** Whether frames carry a delay (GIF). */
    public boolean hasFrameDelay() {
        return caps.frameDelay();
    }

    /** Resolutions a fixed page's pictures may be asked for ({@code epiflow export --dpi}). */
    public static final int MIN_PICTURE_DPI = 96, MAX_PICTURE_DPI = 288;

    /**
     * The page this format uses for a requested page: the fixed page of the format — at its own picture resolution,
     * or at the one a request for that very page asks (within 96–288 dpi) — else the request itself.
     */
    public PageSpec page(PageSpec requested) {
        if (caps.fixedPaper() != null) {
            int dpi = requested != null && requested.paper() == caps.fixedPaper()
                    ? Math.max(MIN_PICTURE_DPI, Math.min(MAX_PICTURE_DPI, requested.dpi())) : caps.fixedDpi();
            return PageSpec.paper(caps.fixedPaper(), true, dpi);
        }
        return requested;
    }

    /** The default page on the command line: A4 landscape at 300 dpi, a 1280 × 720 animation, or the fixed page. */
    public PageSpec defaultPage(Integer dpi) {
        if (caps.fixedPaper() != null) {
            return page(null);
        }
        if (caps.frameDelay()) {
            return PageSpec.pixels(1280, 720, dpi == null ? 96 : dpi);
        }
        return PageSpec.paper(Paper.A4, true, dpi == null ? 300 : dpi);
    }

    /** The format's writer (one per format, stateless). */
    public FormatWriter writer() {
        FormatWriter w = writer;
        if (w == null) {
            w = factory.get();
            writer = w;
        }
        return w;
    }

    /** The map writer; fails for a table format. */
    public MapFormatWriter mapWriter() {
        if (writer() instanceof MapFormatWriter m) {
            return m;
        }
        throw new IllegalStateException(this + " is not a map format");
    }

    /** The table writer; fails for a map format. */
    public TableFormatWriter tableWriter() {
        if (writer() instanceof TableFormatWriter t) {
            return t;
        }
        throw new IllegalStateException(this + " is not a table format");
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
