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
                              DensitySurface surface) {
    /** Classified polygons (no density surface). */
    public ChoroplethLayer(String title, Map<String, Double> values, double[] breaks, int[] colors) {
        this(title, values, breaks, colors, null);
    }

    /** The same values drawn as a kernel-density surface around the regions' seats instead of polygons. */
    public ChoroplethLayer withSurface(DensitySurface s) {
        return new ChoroplethLayer(title, values, breaks, colors, s);
    }

    public ChoroplethLayer {
        Objects.requireNonNull(title, "title");
        values = Map.copyOf(values);
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
        if (g == null || values.isEmpty()) {
            return;
        }
        LevelOfDetail lod = scene.levelOfDetail();
        List<BasemapGeometry.Shape> shapes = matches(g.prefectures(lod)) ? g.prefectures(lod) : g.provinces(lod);
        MapPath[] byClass = new MapPath[colors.length];
        for (BasemapGeometry.Shape s : shapes) {
            Double v = values.get(s.code());
            if (v == null) {
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
        p.endLayer();
    }

    private boolean matches(List<BasemapGeometry.Shape> shapes) {
        for (BasemapGeometry.Shape s : shapes) {
            if (values.containsKey(s.code())) {
                return true;
            }
        }
        return false;
    }

    /** Legend rows ("< 1,000", "1,000 – 5,000", "≥ 5,000"), colour per class; size is unused (0). */
    public List<Legend.Entry> legendEntries(Language lang) {
        List<Legend.Entry> out = new ArrayList<>();
        if (surface != null) {
            org.epiflow.text.Texts t = lang.texts();
            long bw = Math.round(surface.bandwidthKm());
            out.add(new Legend.Entry(t.get("map.legend.density.low"), DensitySurface.colorAt(colors, 0.1), 0));
            out.add(new Legend.Entry(t.get("map.legend.density.high"), DensitySurface.colorAt(colors, 1), 0));
            out.add(new Legend.Entry(t.get("map.legend.density.kernel", bw), 0, 0));
            return out;
        }
        for (int i = 0; i < colors.length; i++) {
            String label;
            if (breaks.length == 0) {
                label = lang.texts().get("map.legend.all");
            } else if (i == 0) {
                label = "< " + format(breaks[0], lang);
            } else if (i == breaks.length) {
                label = "≥ " + format(breaks[i - 1], lang);
            } else {
                label = format(breaks[i - 1], lang) + " – " + format(breaks[i], lang);
            }
            out.add(new Legend.Entry(label, colors[i], 0));
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
