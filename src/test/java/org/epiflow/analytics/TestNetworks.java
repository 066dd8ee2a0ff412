package org.epiflow.analytics;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Small synthetic datasets for the analytics tests. */
public final class TestNetworks {
    public static final LocalDate START = LocalDate.of(2020, 1, 1);

    private TestNetworks() {
    }

    /** Regions R0..R(n-1) with codes 100000 + i·100 and the given populations. */
    public static RegionTable regions(long... population) {
        List<Region> r = new ArrayList<>();
        for (int i = 0; i < population.length; i++) {
            r.add(new Region(code(i), "区" + i, "Region " + i, "prefecture", "", 30 + i, 110 + i, population[i]));
        }
        return new RegionTable(r);
    }

    public static String code(int i) {
        return String.valueOf(100000 + i * 100);
    }

    /**
     * A dataset whose trips are {@code trips[o][d]} on every one of {@code days} days (0 = no row), no residents
     * table (populations from the regions).
     */
    public static AggregateDataset constant(long[] population, int[][] trips, int days, int k) {
        int[][][] byDay = new int[days][][];
        for (int d = 0; d < days; d++) {
            byDay[d] = trips;
        }
        return daily(population, byDay, k);
    }

    /** A dataset with trips {@code trips[day][o][d]}. */
    public static AggregateDataset daily(long[] population, int[][][] trips, int k) {
        RegionTable regions = regions(population);
        int days = trips.length;
        Period period = new Period(START, START.plusDays(days - 1));
        FlowTable.Builder b = FlowTable.builder(period, 16);
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < population.length; o++) {
                for (int t = 0; t < population.length; t++) {
                    if (trips[d][o][t] > 0) {
                        check(b.add(d, o, t, trips[d][o][t]));
                    }
                }
            }
        }
        return new AggregateDataset(info(period, k), regions, b.build(), Optional.empty());
    }

    /** Adds a residents table with {@code residents[i]} every day. */
    public static AggregateDataset withResidents(AggregateDataset data, long[] residents) {
        Period p = data.info().period();
        ResidentTable.Builder b = ResidentTable.builder(p, 16);
        for (int d = 0; d < p.days(); d++) {
            for (int i = 0; i < residents.length; i++) {
                check(b.add(d, i, (int) residents[i]));
            }
        }
        return new AggregateDataset(data.info(), data.regions(), data.flows(), Optional.of(b.build()));
    }

    public static BundleInfo info(Period period, int k) {
        return new BundleInfo("analytics-test", "Test Carrier", Instant.parse("2020-06-01T00:00:00Z"), period, "day",
                "prefecture", List.of("trips"), k, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1));
    }

    /**
     * A random gravity-like network: {@code n} regions of 0.2–5 million people, each linked both ways to
     * {@code partners} random others with trips ≈ 1e-3 of the smaller population a day.
     */
    public static AggregateDataset random(int n, int partners, int days, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] pop = new long[n];
        for (int i = 0; i < n; i++) {
            pop[i] = 200_000 + rnd.nextLong(4_800_000);
        }
        int[][] trips = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < partners; k++) {
                int j = rnd.nextInt(n);
                if (j != i) {
                    int t = (int) (Math.min(pop[i], pop[j]) * (0.0002 + rnd.nextDouble() * 0.002));
                    trips[i][j] = Math.max(trips[i][j], t);
                    trips[j][i] = Math.max(trips[j][i], t);
                }
            }
        }
        return constant(pop, trips, days, 10);
    }

    private static void check(String why) {
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }
}
