package org.epiflow.export;

/**
 * The size of an exported page. Layout happens in <em>layout units</em> of 1/96 inch (a CSS pixel, the size of a
 * screen pixel at 100 %), so the map's styles (widths, font sizes in pixels) look on paper as they do on screen.
 * Raster output is drawn at {@code dpi / 96} device pixels per unit; PDF uses 0.75 pt per unit.
 *
 * @param width  page width in layout units
 * @param height page height in layout units
 * @param dpi    raster resolution (dots per inch), written to PNG's pHYs chunk
 * @param paper  the paper, or null for a pixel-sized page
 */
public record PageSpec(double width, double height, int dpi, Paper paper) {
    /** Layout units per inch. */
    public static final double UNITS_PER_INCH = 96;
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;
    /** Largest raster side accepted (pixels). */
    public static final int MAX_PIXELS = 20_000;

    public PageSpec {
        if (!(width >= 100 && height >= 100)) {
            throw new IllegalArgumentException("page too small: " + width + " x " + height + " (at least 100 x 100)");
        }
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI + ": " + dpi);
        }
        if (Math.round(width * dpi / UNITS_PER_INCH) > MAX_PIXELS
                || Math.round(height * dpi / UNITS_PER_INCH) > MAX_PIXELS) {
            throw new IllegalArgumentException("image larger than " + MAX_PIXELS + " pixels on a side");
        }
    }

    /** A paper page; {@link Paper#SLIDE} is always landscape. */
    public static PageSpec paper(Paper p, boolean landscape, int dpi) {
        boolean land = landscape || p == Paper.SLIDE;
        double s = p.shortMm() / 25.4 * UNITS_PER_INCH, l = p.longMm() / 25.4 * UNITS_PER_INCH;
        return new PageSpec(land ? l : s, land ? s : l, dpi, p);
    }

    /**
     * A page of exactly {@code widthPx × heightPx} raster pixels; {@code dpi} (96 = as on screen) sets how large
     * text and lines appear: at 192 everything is twice as large in pixels.
     */
    public static PageSpec pixels(int widthPx, int heightPx, int dpi) {
        double f = UNITS_PER_INCH / dpi;
        return new PageSpec(widthPx * f, heightPx * f, dpi, null);
    }

    /** Device pixels per layout unit for raster output. */
    public double rasterScale() {
        return dpi / UNITS_PER_INCH;
    }

    public int pixelWidth() {
        return (int) Math.round(width * rasterScale());
    }

    public int pixelHeight() {
        return (int) Math.round(height * rasterScale());
    }

    public boolean isLandscape() {
        return width >= height;
    }

    /** Width in PDF points. */
    public double widthPt() {
        return width * 72 / UNITS_PER_INCH;
    }

    public double heightPt() {
        return height * 72 / UNITS_PER_INCH;
    }

    /** Millimetres of paper per layout unit. */
    public static double mmPerUnit() {
        return 25.4 / UNITS_PER_INCH;
    }

    /** "A4 landscape, 300 dpi" or "1920 × 1080 px". */
    public String describe() {
        return paper == null ? pixelWidth() + " × " + pixelHeight() + " px"
                : paper + (paper == Paper.SLIDE ? "" : isLandscape() ? " landscape" : " portrait") + ", " + dpi
                + " dpi";
    }
}
