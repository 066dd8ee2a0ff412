package org.epiflow.map;

import org.epiflow.map.geo.LevelOfDetail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A choropleth ("heatmap") layer: a value per region code, classified by explicit breaks into ARGB class colours,
 * painted as filled prefecture (or province) polygons between the basemap and the flows. Generic: the caller chooses
 * the values (e.g. trips per region), the breaks (any classification, see {@code org.epiflow.analytics}) and the
 * colours. Regions without a value are left unpainted. Immutable.
 *
 * <p>Class {@code i} holds values {@code v} with {@code breaks[i-1] <= v < breaks[i]} (class 0: below
 * {@code breaks[0]}, the last class: at least the last break), so {@code colors.length == breaks.length + 1}.
 *
 * @param title  legend title, e.g. "Trips per region"
 * @param values value per region code (prefecture or province codes, as on the basemap)
 * @param breaks ascending class breaks
 * @param colors one ARGB colour per class
 */
public record ChoroplethLayer(String title, Map<String, Double> values, double[] breaks, int[] colors,
                              DensitySurface surface, Map<String, Mark> marks) {
    /** How a region without a class colour is drawn. */
    public enum Mark {
        /** The model has no figure for it: a neutral grey that no colour scheme uses. */
        NO_VALUE,
        /** None of its trips were published (all below the bundle's k): grey with diagonal hatching. */
        SUPPRESSED,
        /** A source of the spread, not ranked: dark grey. */
        SOURCE
    }

    /** Fill of {@link Mark#NO_VALUE} (and under the hatching of {@link Mark#SUPPRESSED}). */
    public static final int NO_VALUE_FILL = 0xFFB4B4B4;
    /** Hatch lines of {@link Mark#SUPPRESSED}. */
    public static final int HATCH = 0xFF5A5A5A;
    /** Fill of {@link Mark#SOURCE}. */
    public static final int SOURCE_FILL = 0xFF3A3A3A;
    /** Distance between hatch lines, pixels. */
    public static final double HATCH_SPACING = 5;

    /** Classified polygons (no density surface, no marks). */
    public ChoroplethLayer(String title, Map<String, Double> values, double[] breaks, int[] colors) {
        this(title, values, breaks, colors, null, Map.of());
    }

    /** Classified polygons or a density surface, no marks. */
    public ChoroplethLayer(String title, Map<String, Double> values, double[] breaks, int[] colors,
                           DensitySurface surface) {
        this(title, values, breaks, colors, surface, Map.of());
    }

    /** The same values drawn as a kernel-density surface around the regions' seats instead of polygons. */
    public ChoroplethLayer withSurface(DensitySurface s) {
        return new ChoroplethLayer(title, values, breaks, colors, s, marks);
    }

    /** The same layer with regions marked (codes without a value). */
    public ChoroplethLayer withMarks(Map<String, Mark> m) {
        return new ChoroplethLayer(title, values, breaks, colors, surface, m);
    }

    public ChoroplethLayer {
        Objects.requireNonNull(title, "title");
        values = Map.copyOf(values);
        marks = Map.copyOf(marks == null ? Map.of() : marks);
        breaks = breaks.clone();
        colors = colors.clone();
        if (colors.length != breaks.length + 1) {
            throw new IllegalArgumentException("need one colour more than breaks: " + colors.length + " colours, "
                    + breaks.length + " breaks");
        }
        for (int i = 1; i < breaks.length; i++) {
            if (!(breaks[i] >= breaks[i - 1])) {
                throw new IllegalArgumentException("breaks must ascend: " + Arrays.toString(breaks));
            }
        }
    }

    /** A five-class yellow–orange–red sequential ramp (ColorBrewer YlOrRd), 80 % opaque. */
    public static int[] yellowOrangeRed(int classes) {
        int[] base = {0xFFFFFFB2, 0xFFFECC5C, 0xFFFD8D3C, 0xFFF03B20, 0xFFBD0026};
        int[] out = new int[Math.max(1, classes)];
        for (int i = 0; i < out.length; i++) {
            double t = out.length == 1 ? 1 : (double) i / (out.length - 1) * (base.length - 1);
            int a = (int) Math.floor(t), b = Math.min(base.length - 1, a + 1);
            out[i] = Argb.withAlpha(Argb.lerp(base[a], base[b], t - a), 0.8);
        }
        return out;
    }

    @Override
    public double[] breaks() {
        return breaks.clone();
    }

    @Override
    public int[] colors() {
        return colors.clone();
    }

    /** The class of a value. */
    public int classOf(double v) {
        int i = 0;
        while (i < breaks.length && v >= breaks[i]) {
            i++;
        }
        return i;
    }

    /** The colour of a region, or 0 (transparent) when it has no value. */
    public int colorOf(String code) {
        Double v = values.get(code);
        return v == null ? 0 : colors[classOf(v)];
    }

    /** Paints the classified polygons of the scene's basemap (prefectures, else provinces) in one path per class. */
    public void paint(MapScene scene, MapPainter p) {
        if (surface != null) {
            surface.paint(scene, values, colors, p);
            return;
        }
        BasemapGeometry g = scene.basemap();
        if (g == null || (values.isEmpty() && marks.isEmpty())) {
            return;
        }
        LevelOfDetail lod = scene.levelOfDetail();
        List<BasemapGeometry.Shape> shapes = matches(g.prefectures(lod)) >= matches(g.provinces(lod))
                ? g.prefectures(lod) : g.provinces(lod);
        MapPath[] byClass = new MapPath[colors.length];
        MapPath[] byMark = new MapPath[Mark.values().length];
        for (BasemapGeometry.Shape s : shapes) {
            Double v = values.get(s.code());
            if (v == null) {
                Mark m = marks.get(s.code());
                if (m != null) {
                    if (byMark[m.ordinal()] == null) {
                        byMark[m.ordinal()] = new MapPath();
                    }
                    BasemapGeometry.toPath(s, scene.viewport(), 0.7, byMark[m.ordinal()]);
                }
                continue;
            }
            int c = classOf(v);
            if (byClass[c] == null) {
                byClass[c] = new MapPath();
            }
            BasemapGeometry.toPath(s, scene.viewport(), 0.7, byClass[c]);
        }
        p.beginLayer("heatmap");
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c] != null && !byClass[c].isEmpty()) {
                p.fill(byClass[c], colors[c]);
            }
        }
        for (Mark m : Mark.values()) {
            MapPath path = byMark[m.ordinal()];
            if (path == null || path.isEmpty()) {
                continue;
            }
            p.fill(path, m == Mark.SOURCE ? SOURCE_FILL : NO_VALUE_FILL);
            if (m == Mark.SUPPRESSED) {
                p.stroke(Hatching.lines(path, HATCH_SPACING), HATCH, 1);
            }
        }
        p.endLayer();
    }

    /**
     * How many of the values' and marks' codes name shapes of this level (prefecture codes and province codes
     * overlap for the municipalities, so the level with more matches is the one meant).
     */
    private int matches(List<BasemapGeometry.Shape> shapes) {
        int n = 0;
        for (BasemapGeometry.Shape s : shapes) {
            if (values.containsKey(s.code()) || marks.containsKey(s.code())) {
                n++;
            }
        }
        return n;
    }

    /** Legend rows ("< 1,000", "1,000 – 5,000", "≥ 5,000"), colour per class; size is unused (0). */
    public List<Legend.Entry> legendEntries(Language lang) {
        List<Legend.Entry> out = new ArrayList<>();
        if (surface != null) {
            boolean zh = lang == Language.ZH;
            String bw = String.format(Locale.ROOT, "%.0f km", surface.bandwidthKm());
            out.add(new Legend.Entry(zh ? "低密度" : "low density", DensitySurface.colorAt(colors, 0.1), 0));
            out.add(new Legend.Entry(zh ? "高密度" : "high density", DensitySurface.colorAt(colors, 1), 0));
            out.add(new Legend.Entry((zh ? "核密度，带宽 " : "kernel density, bandwidth ") + bw, 0, 0));
            return out;
        }
        for (int i = 0; i < colors.length; i++) {
            String label;
            if (breaks.length == 0) {
                label = lang == Language.ZH ? "全部" : "all";
            } else if (i == 0) {
                label = "< " + format(breaks[0], lang);
            } else if (i == breaks.length) {
                label = "≥ " + format(breaks[i - 1], lang);
            } else {
                label = format(breaks[i - 1], lang) + " – " + format(breaks[i], lang);
            }
            out.add(new Legend.Entry(label, colors[i], 0));
        }
        boolean zh = lang == Language.ZH;
        if (marks.containsValue(Mark.SOURCE)) {
            out.add(new Legend.Entry(zh ? "源地区" : "source region", SOURCE_FILL, 0));
        }
        if (marks.containsValue(Mark.SUPPRESSED)) {
            out.add(new Legend.Entry(zh ? "出行数据均被隐去（低于 k）" : "all trips suppressed (below k)", HATCH, 0));
        }
        if (marks.containsValue(Mark.NO_VALUE)) {
            out.add(new Legend.Entry(zh ? "无数值" : "no value", NO_VALUE_FILL, 0));
        }
        return out;
    }

    private static String format(double v, Language lang) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return FlowScale.format((long) v, lang);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * Equal-count (quantile) breaks rounded to two significant digits, duplicates removed — a simple default until a
     * richer classification is chosen by the caller.
     */
    public static double[] quantileBreaks(double[] values, int classes) {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0 || classes < 2) {
            return new double[0];
        }
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < classes; i++) {
            double q = v[Math.min(v.length - 1, (int) Math.floor((double) i * v.length / classes))];
            double r = q >= 10 ? FlowScale.nice(q) : q;
            if (r > v[0] && (out.isEmpty() || r > out.get(out.size() - 1))) {
                out.add(r);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A layer over the given values with quantile breaks and the yellow–orange–red ramp. */
    public static ChoroplethLayer quantiles(String title, Map<String, Double> values, int classes) {
        double[] b = quantileBreaks(values.values().stream().mapToDouble(Double::doubleValue).toArray(), classes);
        return new ChoroplethLayer(title, new LinkedHashMap<>(values), b, yellowOrangeRed(b.length + 1));
    }
}
