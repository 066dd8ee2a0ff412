package org.epiflow.map;

/**
 * A small antialiasing rasteriser for the flow layer, drawing into an {@code int[]} of premultiplied ARGB pixels
 * (row-major, stride = width; the layout of JavaFX {@code PixelFormat.getIntArgbPreInstance()} and of a Java2D
 * {@code TYPE_INT_ARGB_PRE} image).
 *
 * <p>Each arc is a run of segments with a half-width that varies linearly along it. A segment is drawn as the exact set
 * of pixel centres inside its band (|distance across| ≤ half-width + ½, 0 ≤ distance along &lt; length): for every row
 * the span is the intersection of two slabs, computed directly, so no pixel outside the band is visited. Coverage is
 * the box-filter approximation {@code clamp(hw + ½ − |d|, 0, 1)}; below a half-width of ½ an arc becomes a 1-pixel
 * antialiased line whose intensity is scaled by its width ({@code 2·hw·(1 − |d|)}). Consecutive segments share a
 * perpendicular edge, so each pixel is covered once (no dark dots at joints); both ends of an arc are antialiased along
 * its direction.
 *
 * <p>Work is split by rows into interleaved bands of {@value #BAND_ROWS} rows: band {@code b} of {@code n} draws only
 * rows with {@code (y / BAND_ROWS) % n == b}, so threads never touch the same pixel, every thread sees arcs in the same
 * order, and the result is identical to a single-threaded draw.
 */
public final class FlowRasterizer {
    /** Rows per band. */
    public static final int BAND_ROWS = 16;

    private FlowRasterizer() {
    }

    /** Arcs whose half-width at the origin is at least this are drawn with the slab method, thinner ones by columns. */
    public static final double THICK_HALF_WIDTH = 1.25;

    /** Whether row {@code j} belongs to band {@code band} of {@code bands}. */
    public static boolean inBand(int j, int band, int bands) {
        return bands <= 1 || (j / BAND_ROWS) % bands == band;
    }

    static boolean[] rowMask(int height, int band, int bands) {
        boolean[] m = new boolean[height];
        for (int j = 0; j < height; j++) {
            m[j] = inBand(j, band, bands);
        }
        return m;
    }

    /** Draws every arc of {@code g}, only the rows of band {@code band} of {@code bands}. */
    public static void drawArcs(FlowGeometry g, int[] px, int width, int height, int band, int bands) {
        boolean[] mine = rowMask(height, band, bands);
        float[] xs = g.xs(), ys = g.ys(), hws = g.hws();
        for (int a = 0, n = g.arcCount(); a < n; a++) {
            int s = g.start(a), e = g.end(a);
            int c = g.color(a);
            int ca = c >>> 24;
            int cr = ((c >> 16) & 0xFF) * ca / 255, cg = ((c >> 8) & 0xFF) * ca / 255, cb = (c & 0xFF) * ca / 255;
            boolean thick = hws[s] >= THICK_HALF_WIDTH;
            for (int p = s; p < e - 1; p++) {
                if (thick) {
                    segment(px, width, height, mine, xs[p], ys[p], hws[p], xs[p + 1], ys[p + 1], hws[p + 1],
                            p == s, p == e - 2, ca, cr, cg, cb);
                } else {
                    thin(px, width, height, mine, xs[p], ys[p], hws[p], xs[p + 1], ys[p + 1], hws[p + 1],
                            p == s, p == e - 2, ca, cr, cg, cb);
                }
            }
        }
    }

    /**
     * A thin segment walked along its major axis (Wu-style): one column (or row) at a time, 2–4 pixels across. Joints
     * are shared half-open at the column (row) of the joint, so consecutive segments do not overlap.
     */
    private static void thin(int[] px, int width, int height, boolean[] mine, double x0, double y0, double h0,
                             double x1, double y1, double h1, boolean first, boolean last,
                             int ca, int cr, int cg, int cb) {
        double dx = x1 - x0, dy = y1 - y0;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len < 1e-6) {
            return;
        }
        boolean xMajor = Math.abs(dx) >= Math.abs(dy);
        // major/minor coordinates
        double m0 = xMajor ? x0 : y0, dm = xMajor ? dx : dy;
        double n0 = xMajor ? y0 : x0, dn = xMajor ? dy : dx;
        int majorSize = xMajor ? width : height, minorSize = xMajor ? height : width;
        double cos = Math.abs(dm) / len, invCos = 1 / cos;
        double tlo = first ? -0.5 / len : 0, thi = last ? 1 + 0.5 / len : 1;
        int i0, i1;
        if (dm > 0) {
            i0 = (int) Math.ceil(m0 + tlo * dm - 0.5);
            i1 = (int) Math.ceil(m0 + thi * dm - 0.5) - 1;
        } else {
            i0 = (int) Math.floor(m0 + thi * dm - 0.5) + 1;
            i1 = (int) Math.floor(m0 + tlo * dm - 0.5);
        }
        i0 = Math.max(i0, 0);
        i1 = Math.min(i1, majorSize - 1);
        double invDm = 1 / dm;
        double hmax = Math.max(h0, h1);
        double reach = (Math.max(hmax + 0.5, 1.0)) * invCos;
        double dh = h1 - h0;
        for (int i = i0; i <= i1; i++) {
            double t = (i + 0.5 - m0) * invDm;
            double nc = n0 + t * dn;
            double tc = t < 0 ? 0 : t > 1 ? 1 : t;
            double h = h0 + dh * tc;
            double f = 1;
            double u = t * len;
            if (first && u < 0.5) {
                f = u + 0.5;
            }
            if (last && u > len - 0.5) {
                f *= len + 0.5 - u;
            }
            if (f <= 0) {
                continue;
            }
            int j0 = Math.max(0, (int) Math.ceil(nc - reach - 0.5));
            int j1 = Math.min(minorSize - 1, (int) Math.floor(nc + reach - 0.5));
            for (int j = j0; j <= j1; j++) {
                int row = xMajor ? j : i;
                if (!mine[row]) {
                    continue;
                }
                double d = (j + 0.5 - nc) * cos;
                if (d < 0) {
                    d = -d;
                }
                double cov;
                if (h >= 0.5) {
                    cov = h + 0.5 - d;
                    if (cov <= 0) {
                        continue;
                    }
                    if (cov > 1) {
                        cov = 1;
                    }
                } else {
                    if (d >= 1) {
                        continue;
                    }
                    cov = 2 * h * (1 - d);
                }
                int ci = (int) (cov * f * 256 + 0.5);
                if (ci > 0) {
                    blend(px, xMajor ? j * width + i : i * width + j, ca, cr, cg, cb, ci);
                }
            }
        }
    }

    private static void segment(int[] px, int width, int height, boolean[] mine, double x0, double y0,
                                double h0, double x1, double y1, double h1, boolean first, boolean last,
                                int ca, int cr, int cg, int cb) {
        double dx = x1 - x0, dy = y1 - y0;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len, uy = dy / len;
        boolean useX = Math.abs(ux) > 1e-9, useY = Math.abs(uy) > 1e-9;
        double iux = useX ? 1 / ux : 0, iuy = useY ? 1 / uy : 0;
        double hmax = Math.max(h0, h1);
        double r = Math.max(hmax + 0.5, 1.0);
        double ulo = first ? -0.5 : 0, uhi = last ? len + 0.5 : len;
        double dh = (h1 - h0) / len;
        double ext = r + 0.5;
        int rowMin = Math.max(0, (int) Math.floor(Math.min(y0, y1) - ext - 0.5));
        int rowMax = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + ext));
        for (int j = rowMin; j <= rowMax; j++) {
            if (!mine[j]) {
                continue;
            }
            double cy = j + 0.5 - y0;
            double lo = -1e9, hi = 1e9;
            // along: ulo <= fx*ux + cy*uy <= uhi
            double base = cy * uy;
            if (useX) {
                double a = (ulo - base) * iux, b = (uhi - base) * iux;
                lo = Math.max(lo, Math.min(a, b));
                hi = Math.min(hi, Math.max(a, b));
            } else if (base < ulo || base > uhi) {
                continue;
            }
            // across: -r <= -fx*uy + cy*ux <= r
            double cv = cy * ux;
            if (useY) {
                double a = (cv - r) * iuy, b = (cv + r) * iuy;
                lo = Math.max(lo, Math.min(a, b));
                hi = Math.min(hi, Math.max(a, b));
            } else if (Math.abs(cv) > r) {
                continue;
            }
            int i0 = Math.max(0, (int) Math.ceil(x0 + lo - 0.5));
            int i1 = Math.min(width - 1, (int) Math.floor(x0 + hi - 0.5));
            if (i0 > i1) {
                continue;
            }
            double fx = i0 + 0.5 - x0;
            double u = fx * ux + base;
            double v = -fx * uy + cv;
            int row = j * width;
            for (int i = i0; i <= i1; i++, u += ux, v -= uy) {
                if (u < ulo || u >= uhi) {
                    continue;
                }
                double uc = u < 0 ? 0 : u > len ? len : u;
                double h = h0 + dh * uc;
                double av = v < 0 ? -v : v;
                double cov = h + 0.5 - av;
                if (cov <= 0) {
                    continue;
                }
                if (cov > 1) {
                    cov = 1;
                }
                if (first && u < 0.5) {
                    cov *= u + 0.5;
                }
                if (last && u > len - 0.5) {
                    cov *= len + 0.5 - u;
                }
                int ci = (int) (cov * 256 + 0.5);
                if (ci <= 0) {
                    continue;
                }
                blend(px, row + i, ca, cr, cg, cb, ci);
            }
        }
    }

    /** Source-over of a premultiplied colour (components 0–255) at coverage {@code ci}/256. */
    static void blend(int[] px, int idx, int ca, int cr, int cg, int cb, int ci) {
        int sa = (ca * ci) >> 8;
        if (sa == 0) {
            return;
        }
        int sr = (cr * ci) >> 8, sg = (cg * ci) >> 8, sb = (cb * ci) >> 8;
        int inv = 255 - sa;
        if (inv == 0) {
            px[idx] = (sa << 24) | (sr << 16) | (sg << 8) | sb;
            return;
        }
        int d = px[idx];
        int da = div255((d >>> 24) * inv) + sa;
        int dr = div255(((d >> 16) & 0xFF) * inv) + sr;
        int dg = div255(((d >> 8) & 0xFF) * inv) + sg;
        int db = div255((d & 0xFF) * inv) + sb;
        px[idx] = (da << 24) | (dr << 16) | (dg << 8) | db;
    }

    private static int div255(int x) {
        x += 128;
        return (x + (x >> 8)) >> 8;
    }

    /**
     * A filled disc (and, when {@code outlineWidth > 0}, an outline ring centred on its edge), rows of one band only.
     */
    public static void disc(int[] px, int width, int height, int band, int bands, double cx, double cy, double r,
                            int fill, int outline, double outlineWidth) {
        double hw = outlineWidth / 2;
        double ext = r + hw + 1;
        int j0 = Math.max(0, (int) Math.floor(cy - ext)), j1 = Math.min(height - 1, (int) Math.ceil(cy + ext));
        int fa = fill >>> 24, fr = ((fill >> 16) & 0xFF) * fa / 255, fg = ((fill >> 8) & 0xFF) * fa / 255,
                fb = (fill & 0xFF) * fa / 255;
        int oa = outline >>> 24, or = ((outline >> 16) & 0xFF) * oa / 255, og = ((outline >> 8) & 0xFF) * oa / 255,
                ob = (outline & 0xFF) * oa / 255;
        for (int j = j0; j <= j1; j++) {
            if (bands > 1 && (j / BAND_ROWS) % bands != band) {
                continue;
            }
            double ddy = j + 0.5 - cy;
            double span = ext * ext - ddy * ddy;
            if (span < 0) {
                continue;
            }
            double sx = Math.sqrt(span);
            int i0 = Math.max(0, (int) Math.floor(cx - sx)), i1 = Math.min(width - 1, (int) Math.ceil(cx + sx));
            int row = j * width;
            for (int i = i0; i <= i1; i++) {
                double ddx = i + 0.5 - cx;
                double d = Math.sqrt(ddx * ddx + ddy * ddy);
                double c = r + 0.5 - d;
                if (c > 0 && fa > 0) {
                    blend(px, row + i, fa, fr, fg, fb, (int) (Math.min(1, c) * 256 + 0.5));
                }
                if (hw > 0 && oa > 0) {
                    double o = Math.max(hw, 0.5) + 0.5 - Math.abs(d - r);
                    if (o > 0) {
                        double cov = Math.min(1, o) * Math.min(1, 2 * hw);
                        blend(px, row + i, oa, or, og, ob, (int) (cov * 256 + 0.5));
                    }
                }
            }
        }
    }

    /** Blends a premultiplied sprite at integer position (x, y), rows of one band only. */
    public static void sprite(int[] px, int width, int height, int band, int bands, int[] sprite, int sw, int sh,
                              int x, int y) {
        for (int sj = 0; sj < sh; sj++) {
            int j = y + sj;
            if (j < 0 || j >= height || (bands > 1 && (j / BAND_ROWS) % bands != band)) {
                continue;
            }
            int row = j * width, srow = sj * sw;
            for (int si = 0; si < sw; si++) {
                int i = x + si;
                if (i < 0 || i >= width) {
                    continue;
                }
                int s = sprite[srow + si];
                int sa = s >>> 24;
                if (sa == 0) {
                    continue;
                }
                if (sa == 255) {
                    px[row + i] = s;
                    continue;
                }
                int inv = 255 - sa, d = px[row + i];
                px[row + i] = ((div255((d >>> 24) * inv) + sa) << 24)
                        | ((div255(((d >> 16) & 0xFF) * inv) + ((s >> 16) & 0xFF)) << 16)
                        | ((div255(((d >> 8) & 0xFF) * inv) + ((s >> 8) & 0xFF)) << 8)
                        | (div255((d & 0xFF) * inv) + (s & 0xFF));
            }
        }
    }
}
