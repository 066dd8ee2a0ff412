package org.epiflow.ui.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value axis of the forecast chart: linear from 0 or logarithmic, with "nice" ticks (1, 2, 5 × 10ⁿ, or whole
 * decades on a log scale) and their labels: 万 and 亿 in Chinese, K and M in English.
 *
 * @param log   logarithmic scale (values below 1 are drawn at 1)
 * @param max   the top of the axis
 * @param ticks tick values, bottom to top
 */
public record ChartAxis(boolean log, double max, double[] ticks) {
    /** An axis covering 0 (or 1 on a log scale) to at least {@code dataMax}. */
    public static ChartAxis of(double dataMax, boolean log) {
        double top = Math.max(dataMax, log ? 10 : 1);
        if (log) {
            int decades = (int) Math.ceil(Math.log10(top));
            double[] t = new double[decades + 1];
            for (int d = 0; d <= decades; d++) {
                t[d] = Math.pow(10, d);
            }
            return new ChartAxis(true, Math.pow(10, decades), t);
        }
        double step = niceStep(top / 5);
        double axisMax = Math.ceil(top / step - 1e-9) * step;
        List<Double> t = new ArrayList<>();
        for (double v = 0; v <= axisMax + step / 2; v += step) {
            t.add(v);
        }
        return new ChartAxis(false, axisMax, t.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** Where {@code v} sits, 0 (bottom) to 1 (top). */
    public double position(double v) {
        if (log) {
            return Math.log10(Math.max(1, v)) / Math.log10(max);
        }
        return max > 0 ? Math.max(0, v) / max : 0;
    }

    /** A tick label: {@code 0, 5,000, 2万, 1.5亿} in Chinese; {@code 0, 5,000, 20K, 1.5M} in English. */
    public static String label(double v, boolean chinese) {
        if (v == 0) {
            return "0";
        }
        if (chinese) {
            if (v >= 1e8) {
                return trim(v / 1e8) + "亿";
            }
            if (v >= 1e4) {
                return trim(v / 1e4) + "万";
            }
        } else {
            if (v >= 1e9) {
                return trim(v / 1e9) + "B";
            }
            if (v >= 1e6) {
                return trim(v / 1e6) + "M";
            }
            if (v >= 1e4) {
                return trim(v / 1e3) + "K";
            }
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
