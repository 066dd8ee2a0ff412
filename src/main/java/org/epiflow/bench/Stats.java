package org.epiflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timing statistics shared by the benchmarks: medians, percentiles, elapsed times, compact lists. */
public final class Stats {
    private Stats() {
    }

    /** Milliseconds since {@code startNanos} ({@link System#nanoTime()}). */
    public static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    public static double median(List<? extends Number> v) {
        return percentile(v, 0.5);
    }

    public static double median(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(d);
        }
        return median(l);
    }

    /** The value at fraction {@code p} of the sorted values (nearest rank, 0.5 = the median of an odd count). */
    public static double percentile(List<? extends Number> v, double p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v.size());
        for (Number n : v) {
            s.add(n.doubleValue());
        }
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) (s.size() * p)));
    }

    public static double mean(List<? extends Number> v) {
        return v.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    public static double min(List<? extends Number> v) {
        return v.stream().mapToDouble(Number::doubleValue).min().orElse(Double.NaN);
    }

    /** The values rounded to whole numbers, as {@code [12, 13, 15]}. */
    public static String list(List<? extends Number> v) {
        return v.stream().map(d -> String.format("%.0f", d.doubleValue())).toList().toString();
    }

    /** Heap in use after a few garbage collections. */
    public static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
