package org.epiflow.data.demo;

import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The spatial part of the demo's trip model: which origin–destination pairs carry trips, their ordinary daily
 * volume (a gravity model) and their Spring-Festival migrant volume.
 *
 * <p><b>Gravity baseline</b> (trips a day from i to j on an ordinary Monday):
 * {@code T_ij = G · (P_i/10⁶)^α · (P_j/10⁶)^α · (1 + d_ij/d₀)^−γ · κ_ij} with α = {@value #ALPHA},
 * d₀ = {@value #D0_KM} km, γ = {@value #GAMMA}, κ = {@value #SAME_PROVINCE} within a province and 1 across,
 * times {@value #MAJOR_LINK} between two major cities (both above {@value #MAJOR_POPULATION} people: the
 * air and high-speed-rail links a plain power-law deterrence underestimates), d_ij the great-circle distance
 * between the seats (haversine, R = 6371 km). Only each origin's
 * {@value #PARTNERS} strongest partners are kept (made symmetric), and G is set so that the kept pairs carry
 * {@value #BASELINE_TOTAL} trips a day in total.
 *
 * <p><b>Festival migrants</b>: each hub h (big coastal and central cities, {@link #HUBS}) sends
 * M_h = {@value #MIGRANT_SHARE} · P_h migrant workers home for the festival, to its
 * {@value #MIGRANT_DESTINATIONS} strongest home regions by affinity
 * {@code A_hj ∝ w(province of j) · P_j · (1 + d_hj/d_m)^−γ_m} (d_m = {@value #MIGRANT_D0_KM} km,
 * γ_m = {@value #MIGRANT_GAMMA}; {@link #HOME_WEIGHT} favours the big labour-exporting provinces), normalised over
 * those regions. The same number is due to come back on the reverse pair after the festival.
 */
public final class MobilityModel {
    static final double ALPHA = 0.8;
    static final double D0_KM = 30;
    static final double GAMMA = 1.6;
    static final double SAME_PROVINCE = 2.5;
    static final double MAJOR_LINK = 3.0;
    static final long MAJOR_POPULATION = 8_000_000;
    static final int PARTNERS = 40;
    static final double BASELINE_TOTAL = 12_000_000;
    static final double MIGRANT_SHARE = 0.2;
    static final int MIGRANT_DESTINATIONS = 50;
    static final double MIGRANT_D0_KM = 300;
    static final double MIGRANT_GAMMA = 1.0;

    /** Hubs of the festival exodus: big coastal and central cities that employ many migrant workers. */
    public static final List<String> HUBS = List.of(
            "110000", "120000", "310000", "320100", "320500", "330100", "330200", "350200", "350500",
            "410100", "420100", "430100", "440100", "440300", "440600", "441900");

    /** Home-province weights w (by province code; 1 when absent): labour exporters high, hub provinces low. */
    static final Map<String, Double> HOME_WEIGHT = Map.ofEntries(
            Map.entry("410000", 3.0), Map.entry("510000", 3.0), Map.entry("340000", 3.0), Map.entry("430000", 3.0),
            Map.entry("360000", 2.5), Map.entry("420000", 2.5), Map.entry("520000", 2.5), Map.entry("450000", 2.5),
            Map.entry("500000", 2.5), Map.entry("620000", 2.0), Map.entry("130000", 1.5), Map.entry("370000", 1.5),
            Map.entry("530000", 1.5), Map.entry("110000", 0.5), Map.entry("120000", 0.5), Map.entry("310000", 0.5),
            Map.entry("320000", 0.5), Map.entry("330000", 0.5), Map.entry("350000", 0.5), Map.entry("440000", 0.5));

    private final RegionTable regions;
    private final int[] origin;
    private final int[] destination;
    private final double[] baseline;
    private final double[] exodus;
    private final double[] returning;
    private final boolean[] hub;

    private MobilityModel(RegionTable regions, int[] origin, int[] destination, double[] baseline, double[] exodus,
                          double[] returning, boolean[] hub) {
        this.regions = regions;
        this.origin = origin;
        this.destination = destination;
        this.baseline = baseline;
        this.exodus = exodus;
        this.returning = returning;
        this.hub = hub;
    }

    /** Builds the model over {@code regions}; regions of population 0 get no pairs. */
    public static MobilityModel build(RegionTable regions) {
        int n = regions.size();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = gravity(regions.get(i), regions.get(j));
            }
        }
        TreeSet<Long> pairs = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            for (int j : strongest(w[i], PARTNERS)) {
                pairs.add(key(i, j));
                pairs.add(key(j, i));
            }
        }
        boolean[] hub = new boolean[n];
        double[][] migrants = new double[n][n];
        for (String code : HUBS) {
            int h = regions.indexOf(code);
            if (h < 0) {
                throw new IllegalStateException("hub " + code + " is not a region");
            }
            hub[h] = true;
        }
        for (int h = 0; h < n; h++) {
            if (!hub[h]) {
                continue;
            }
            double[] a = new double[n];
            for (int j = 0; j < n; j++) {
                Region r = regions.get(j);
                if (j != h && !hub[j] && r.population() > 0) {
                    a[j] = HOME_WEIGHT.getOrDefault(r.parent(), 1.0) * r.population()
                            * StrictMath.pow(1 + km(regions.get(h), r) / MIGRANT_D0_KM, -MIGRANT_GAMMA);
                }
            }
            int[] homes = strongest(a, MIGRANT_DESTINATIONS);
            double sum = 0;
            for (int j : homes) {
                sum += a[j];
            }
            double stock = MIGRANT_SHARE * regions.get(h).population();
            for (int j : homes) {
                migrants[h][j] = stock * a[j] / sum;
                pairs.add(key(h, j));
                pairs.add(key(j, h));
            }
        }
        int m = pairs.size();
        int[] o = new int[m];
        int[] d = new int[m];
        double[] base = new double[m];
        double[] out = new double[m];
        double[] back = new double[m];
        double total = 0;
        int p = 0;
        for (long k : pairs) {
            o[p] = (int) (k >>> 16);
            d[p] = (int) (k & 0xFFFF);
            base[p] = w[o[p]][d[p]];
            total += base[p];
            out[p] = migrants[o[p]][d[p]];
            back[p] = migrants[d[p]][o[p]];
            p++;
        }
        double g = BASELINE_TOTAL / total;
        for (int q = 0; q < m; q++) {
            base[q] *= g;
        }
        return new MobilityModel(regions, o, d, base, out, back, hub);
    }

    /** Unscaled gravity weight from a to b (0 for a region to itself or with population 0). */
    static double gravity(Region a, Region b) {
        if (a == b || a.population() == 0 || b.population() == 0) {
            return 0;
        }
        double kappa = a.parent().equals(b.parent()) ? SAME_PROVINCE : 1.0;
        if (a.population() >= MAJOR_POPULATION && b.population() >= MAJOR_POPULATION) {
            kappa *= MAJOR_LINK;
        }
        return StrictMath.pow(a.population() / 1e6, ALPHA) * StrictMath.pow(b.population() / 1e6, ALPHA)
                * StrictMath.pow(1 + km(a, b) / D0_KM, -GAMMA) * kappa;
    }

    /** Great-circle distance between two seats in kilometres (haversine). */
    static double km(Region a, Region b) {
        double la1 = Math.toRadians(a.lat());
        double la2 = Math.toRadians(b.lat());
        double dLat = la2 - la1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
                + StrictMath.cos(la1) * StrictMath.cos(la2) * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
        return 2 * 6371.0 * StrictMath.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Indexes of the {@code count} largest positive values (ties by index). */
    private static int[] strongest(double[] values, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            if (values[j] > 0) {
                idx.add(j);
            }
        }
        idx.sort((x, y) -> values[x] != values[y] ? Double.compare(values[y], values[x]) : Integer.compare(x, y));
        return idx.stream().limit(count).mapToInt(Integer::intValue).toArray();
    }

    private static long key(int o, int d) {
        return ((long) o << 16) | d;
    }

    public RegionTable regions() {
        return regions;
    }

    /** Number of origin–destination pairs, ordered by origin then destination index. */
    public int pairCount() {
        return origin.length;
    }

    public int origin(int pair) {
        return origin[pair];
    }

    public int destination(int pair) {
        return destination[pair];
    }

    /** Ordinary trips a day on a pair (Monday, no restrictions). */
    public double baseline(int pair) {
        return baseline[pair];
    }

    /** Festival migrants leaving along a pair (hub → home) over the whole exodus. */
    public double exodus(int pair) {
        return exodus[pair];
    }

    /** Festival migrants due back along a pair (home → hub). */
    public double returning(int pair) {
        return returning[pair];
    }

    /** Whether a region (by index) is an exodus hub. */
    public boolean isHub(int region) {
        return hub[region];
    }

    /** Hub region indexes. */
    public int[] hubs() {
        return java.util.stream.IntStream.range(0, hub.length).filter(i -> hub[i]).toArray();
    }

    @Override
    public String toString() {
        return "MobilityModel[" + regions.size() + " regions, " + pairCount() + " pairs, " + Arrays.stream(baseline)
                .sum() + " trips/day]";
    }
}
