package org.epiflow.bench;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.map.geo.Seat;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The one synthetic-network generator of the benchmarks: deterministic from a seed, not realistic (the demo is).
 * Places are random or the real prefecture seats; trips follow a gravity model
 * {@code w(a, b) = (P_a P_b)^0.8 / (1 + d/30 km)^1.6} and either every region keeps its strongest partners (made
 * symmetric) or the strongest pairs of the whole country are kept; a weekly rhythm and ±noise vary the days.
 */
public final class SyntheticNetworks {
    /** Where the benchmarks' datasets start. */
    public static final LocalDate START = LocalDate.of(2020, 1, 1);

    private SyntheticNetworks() {
    }

    /** {@code n} regions at random places in eastern China, populations 0.3–10 million (log-uniform). */
    public static List<Region> randomRegions(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> rs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lat = 20 + rnd.nextDouble(25);
            double lon = 95 + rnd.nextDouble(27);
            long pop = (long) (300_000 * Math.exp(rnd.nextDouble() * 3.5));
            rs.add(new Region(code(i), "区域" + i, "Region " + i, "prefecture",
                    String.format("%06d", 110000 + (i / 20) * 10000), lat, lon, pop));
        }
        return rs;
    }

    /** The real prefecture seats as regions (seats without a population get a random one). */
    public static List<Region> seatRegions(List<Seat> seats, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> rs = new ArrayList<>(seats.size());
        for (Seat s : seats) {
            long pop = s.population().isPresent() ? Math.max(50_000, s.population().getAsLong())
                    : 200_000 + rnd.nextInt(3_000_000);
            rs.add(new Region(s.code(), s.nameZh(), s.nameEn(), "prefecture", s.provinceCode(), s.lat(), s.lon(), pop));
        }
        return rs;
    }

    /**
     * Every origin–destination pair of {@code regionsCount} random regions, day after day, until {@code rows} rows:
     * trips log-uniform from k to about 160,000 (the bundle-opening benchmark's table).
     */
    public static AggregateDataset everyPair(int regionsCount, long rows, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> regions = randomRegions(regionsCount, seed);
        long pairs = (long) regionsCount * regionsCount;
        int days = (int) Math.max(1, (rows + pairs - 1) / pairs);
        Period period = new Period(START, START.plusDays(days - 1));
        FlowTable.Builder b = FlowTable.builder(period, (int) rows);
        long added = 0;
        for (int d = 0; d < days && added < rows; d++) {
            for (int o = 0; o < regionsCount && added < rows; o++) {
                for (int t = 0; t < regionsCount && added < rows; t++) {
                    add(b, d, o, t, k + (int) Math.min(2_000_000, Math.exp(rnd.nextDouble() * 12)));
                    added++;
                }
            }
        }
        return dataset("bench-" + rows, regions, b.build(), period, k);
    }

    /**
     * Gravity trips where every region keeps its {@code partners} strongest partners (both ways), about 12 million
     * trips a day for 370 regions, a weekly rhythm (Friday +12 %, Saturday −20 %) and ±10 % noise; no internal trips.
     */
    public static AggregateDataset gravityPartners(List<Region> regions, int days, int partners, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = regions.size();
        double[][] w = weights(regions, false);
        boolean[][] keep = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            Integer[] idx = new Integer[n];
            for (int j = 0; j < n; j++) {
                idx[j] = j;
            }
            final int row = i;
            Arrays.sort(idx, (a, b) -> Double.compare(w[row][b], w[row][a]));
            for (int j = 0; j < Math.min(partners, n - 1); j++) {
                keep[i][idx[j]] = true;
                keep[idx[j]][i] = true;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                total += keep[i][j] ? w[i][j] : 0;
            }
        }
        double g = 12_000_000 * (n / 370.0) / total;
        Period period = new Period(START, START.plusDays(days - 1));
        FlowTable.Builder b = FlowTable.builder(period, n * partners * 2 * days);
        for (int d = 0; d < days; d++) {
            double week = d % 7 == 5 ? 0.8 : d % 7 == 4 ? 1.12 : 1.0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (keep[i][j]) {
                        add(b, d, i, j, (int) Math.max(k, Math.round(g * w[i][j] * week
                                * (0.9 + 0.2 * rnd.nextDouble()))));
                    }
                }
            }
        }
        return dataset("bench-partners", regions, b.build(), period, k);
    }

    /**
     * Gravity trips over the {@code rowsPerDay} strongest pairs of the whole network (internal trips included,
     * weighted ×5), the strongest pair about 400,000 trips a day, ±30 % noise each day, every cell ≥ k.
     */
    public static AggregateDataset gravityStrongest(List<Region> regions, int days, int rowsPerDay, int k,
                                                    long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = regions.size();
        double[][] w = weights(regions, true);
        int pairs = n * n;
        Integer[] idx = new Integer[pairs];
        for (int i = 0; i < pairs; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(w[b / n][b % n], w[a / n][a % n]));
        int keep = Math.min(pairs, rowsPerDay);
        int[] chosen = new int[keep];
        for (int i = 0; i < keep; i++) {
            chosen[i] = idx[i];
        }
        Arrays.sort(chosen);
        double c = 400_000 / w[idx[0] / n][idx[0] % n];
        Period period = new Period(START.plusDays(9), START.plusDays(9L + days - 1));
        FlowTable.Builder b = FlowTable.builder(period, keep * days);
        for (int day = 0; day < days; day++) {
            for (int key : chosen) {
                long v = Math.max(k, Math.round(c * w[key / n][key % n] * (0.7 + 0.6 * rnd.nextDouble())));
                add(b, day, key / n, key % n, (int) Math.min(Integer.MAX_VALUE, v));
            }
        }
        return dataset("bench-strongest", regions, b.build(), period, k);
    }

    /** Six-digit region code of the i-th random region. */
    public static String code(int i) {
        return String.format("%06d", 110100 + i * 100);
    }

    /** Great-circle distance in km. */
    public static double distanceKm(Region a, Region b) {
        double p1 = Math.toRadians(a.lat()), p2 = Math.toRadians(b.lat());
        double dp = p2 - p1, dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double[][] weights(List<Region> regions, boolean internal) {
        int n = regions.size();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j && !internal) {
                    continue;
                }
                Region a = regions.get(i), b = regions.get(j);
                double d = i == j ? 10 : distanceKm(a, b);
                w[i][j] = Math.pow(a.population() / 1e6 * (b.population() / 1e6), 0.8) * Math.pow(1 + d / 30, -1.6)
                        * (i == j ? 5 : 1);
            }
        }
        return w;
    }

    private static void add(FlowTable.Builder b, int day, int o, int d, int trips) {
        String why = b.add(day, o, d, trips);
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }

    private static AggregateDataset dataset(String id, List<Region> regions, FlowTable flows, Period period, int k) {
        BundleInfo info = new BundleInfo(id, "Benchmark Carrier", Instant.parse("2020-06-01T00:00:00Z"), period,
                "day", "prefecture", List.of("trips"), k, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1));
        return new AggregateDataset(info, new RegionTable(regions), flows, Optional.empty());
    }
}
