package org.epiflow.ui.export;

import java.awt.image.BufferedImage;

/**
 * How closely an exported picture of the map frame agrees with the screen's render of the same view: both are
 * averaged over blocks of {@code block × block} screen pixels (the export's picture may have another resolution:
 * {@code scale} of its pixels per screen pixel) and the block colours compared. Antialiasing and font hinting differ
 * a little between backends; a different heatmap, extent or set of flows changes whole regions of blocks.
 */
final class FrameAgreement {
    /** Mean and largest difference of block colours (0–255 per channel), and the share of blocks off by > 24. */
    record Result(double mean, double max, double offShare) {
        @Override
        public String toString() {
            return String.format("mean %.2f/255, max %.1f/255, %.2f %% of blocks off by more than 24", mean, max,
                    offShare * 100);
        }
    }

    private FrameAgreement() {
    }

    /**
     * Compares {@code screen} (w × h) with the region of {@code picture} starting at ({@code px}, {@code py}) in the
     * picture's pixels, {@code scale} picture pixels per screen pixel. Blocks in {@code skip} are left out (the
     * export's own scale bar and north arrow).
     */
    static Result compare(BufferedImage screen, BufferedImage picture, double px, double py, double scale, int block,
                          Skip skip) {
        int w = screen.getWidth(), h = screen.getHeight();
        double sum = 0, max = 0;
        int n = 0, off = 0;
        for (int by = 0; by + block <= h; by += block) {
            for (int bx = 0; bx + block <= w; bx += block) {
                if (skip.skips(bx, by, block, w, h)) {
                    continue;
                }
                double[] a = mean(screen, bx, by, block, block);
                double[] b = mean(picture, px + bx * scale, py + by * scale, block * scale, block * scale);
                double d = 0;
                for (int c = 0; c < 3; c++) {
                    d = Math.max(d, Math.abs(a[c] - b[c]));
                }
                sum += d;
                max = Math.max(max, d);
                n++;
                if (d > 24) {
                    off++;
                }
            }
        }
        return new Result(sum / n, max, (double) off / n);
    }

    /** Mean RGB over a rectangle (pixels whose centre lies inside), alpha composited over white. */
    private static double[] mean(BufferedImage img, double x, double y, double w, double h) {
        int x0 = (int) Math.round(x), y0 = (int) Math.round(y);
        int x1 = Math.min(img.getWidth(), (int) Math.round(x + w)), y1 = Math.min(img.getHeight(),
                (int) Math.round(y + h));
        double r = 0, g = 0, b = 0;
        int n = 0;
        for (int j = y0; j < y1; j++) {
            for (int i = x0; i < x1; i++) {
                int p = img.getRGB(i, j);
                double a = (p >>> 24) / 255.0;
                r += ((p >> 16) & 255) * a + 255 * (1 - a);
                g += ((p >> 8) & 255) * a + 255 * (1 - a);
                b += (p & 255) * a + 255 * (1 - a);
                n++;
            }
        }
        return n == 0 ? new double[] {255, 255, 255} : new double[] {r / n, g / n, b / n};
    }

    /** Blocks to leave out of the comparison. */
    interface Skip {
        boolean skips(int bx, int by, int block, int w, int h);

        /** The export's scale bar (bottom left) and north arrow (top right), which the screen does not draw. */
        Skip OVERLAYS = (bx, by, block, w, h) -> (bx < 280 && by + block > h - 100) || (bx + block > w - 70
                && by < 85);
    }
}
