package org.epiflow.cli;

import org.epiflow.analytics.Populations;
import org.epiflow.analytics.SparseFlows;
import org.epiflow.analytics.distance.EffectiveDistanceGraph;
import org.epiflow.analytics.seir.MetapopulationSeir;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.analytics.seir.TravelSchedule;
import org.epiflow.bundle.BundleManifest;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code epiflow bench risk}: timings of the SEIR (deterministic, ensemble) and all-pairs effective distance. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Time the risk models on a synthetic gravity network (default 370 regions × 180 days, "
                + "each region linked to its 40 strongest partners, made symmetric).")
final class BenchRiskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", defaultValue = "370", description = "regions (default ${DEFAULT-VALUE})")
    int regions;

    @Option(names = "--days", defaultValue = "180", description = "days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--partners", defaultValue = "40", description = "partners per region (default "
            + "${DEFAULT-VALUE})")
    int partners;

    @Option(names = "--runs", defaultValue = "1000", description = "stochastic runs (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AggregateDataset data = network(regions, days, partners, 42);
        int n = regions;
        out.printf("network: %d regions, %d days, %,d flow rows (%,d pairs a day); %d cores%n", n, days,
                data.flows().rowCount(), data.flows().rowCount() / days, Runtime.getRuntime().availableProcessors());
        double[] pop = Populations.of(data);
        double[] e0 = new double[n];
        double[] i0 = new double[n];
        i0[0] = 100;
        e0[0] = 100;
        SeirParameters p = new SeirParameters(2.5, 4, 5, 0.5, 0.3, 60);
        long t0 = System.nanoTime();
        TravelSchedule sched = TravelSchedule.of(data.flows(), n, pop, 0, days, p);
        out.printf("travel schedule built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        double[] det = new double[25];
        for (int w = 0; w < 10; w++) {
            MetapopulationSeir.deterministic(sched, p, pop, e0, i0, false);
        }
        for (int r = 0; r < det.length; r++) {
            long s = System.nanoTime();
            MetapopulationSeir.deterministic(sched, p, pop, e0, i0, false);
            det[r] = (System.nanoTime() - s) / 1e6;
        }
        long s = System.nanoTime();
        MetapopulationSeir.deterministic(sched, p, pop, e0, i0, true);
        double withDrivers = (System.nanoTime() - s) / 1e6;
        out.printf("SEIR deterministic %d × %d: median %.1f ms (min %.1f; with drivers %.1f ms) (goal <= 50 ms)%n",
                n, days, median(det), Arrays.stream(det).min().orElse(0), withDrivers);
        SeirEnsemble.run(sched, p, pop, e0, i0, 20, 1);
        System.gc();
        s = System.nanoTime();
        SeirEnsemble ens = SeirEnsemble.run(sched, p, pop, e0, i0, runs, 7);
        double ensSec = (System.nanoTime() - s) / 1e9;
        out.printf("SEIR stochastic ensemble, %,d runs + 5 quantiles per region and day: %.2f s (goal <= 10 s); "
                + "regions reached in all runs: %d%n", runs, ensSec, countReached(ens));
        SparseFlows window = SparseFlows.window(data.flows(), n, 0, days, false);
        EffectiveDistanceGraph g = new EffectiveDistanceGraph(window);
        for (int w = 0; w < 10; w++) {
            g.allPairs();
        }
        double[] ed = new double[15];
        for (int r = 0; r < ed.length; r++) {
            s = System.nanoTime();
            g.allPairs();
            ed[r] = (System.nanoTime() - s) / 1e6;
        }
        s = System.nanoTime();
        SparseFlows.window(data.flows(), n, 0, days, false);
        double windowMs = (System.nanoTime() - s) / 1e6;
        out.printf("effective distance, every region to every other (%d Dijkstra runs): median %.1f ms "
                + "(goal <= 100 ms); summing the %d-day window first: %.0f ms%n", n, median(ed), days, windowMs);
        return 0;
    }

    private static int countReached(SeirEnsemble ens) {
        int c = 0;
        for (int k = 0; k < ens.regions(); k++) {
            if (ens.arrivalProbability(ens.days() - 1, k) == 1.0) {
                c++;
            }
        }
        return c;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** A gravity network: trips ∝ (P_i P_j)^0.8 / (1 + d/30 km)^1.6, top partners kept both ways, weekly rhythm. */
    static AggregateDataset network(int n, int days, int partners, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Region> rs = new ArrayList<>();
        double[] lat = new double[n];
        double[] lon = new double[n];
        long[] pop = new long[n];
        for (int i = 0; i < n; i++) {
            lat[i] = 20 + rnd.nextDouble(25);
            lon[i] = 95 + rnd.nextDouble(27);
            pop[i] = (long) (300_000 * Math.exp(rnd.nextDouble() * 3.5));
            rs.add(new Region(String.format("%06d", 110100 + i * 100), "区域" + i, "Region " + i, "prefecture", "",
                    lat[i], lon[i], pop[i]));
        }
        double[][] w = new double[n][n];
        boolean[][] keep = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dy = (lat[i] - lat[j]) * 111;
                    double dx = (lon[i] - lon[j]) * 111 * Math.cos(Math.toRadians(lat[i]));
                    double d = Math.sqrt(dx * dx + dy * dy);
                    w[i][j] = Math.pow(pop[i] / 1e6 * pop[j] / 1e6, 0.8) * Math.pow(1 + d / 30, -1.6);
                }
            }
            Integer[] idx = new Integer[n];
            for (int j = 0; j < n; j++) {
                idx[j] = j;
            }
            final int row = i;
            Arrays.sort(idx, (a, b) -> Double.compare(w[row][b], w[row][a]));
            for (int k = 0; k < Math.min(partners, n - 1); k++) {
                keep[i][idx[k]] = true;
                keep[idx[k]][i] = true;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                total += keep[i][j] ? w[i][j] : 0;
            }
        }
        double g = 12_000_000 * (n / 370.0) / total;
        LocalDate start = LocalDate.of(2020, 1, 1);
        Period period = new Period(start, start.plusDays(days - 1));
        FlowTable.Builder b = FlowTable.builder(period, n * partners * 2 * days);
        for (int d = 0; d < days; d++) {
            double week = d % 7 == 5 ? 0.8 : d % 7 == 4 ? 1.12 : 1.0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (keep[i][j]) {
                        int t = (int) Math.max(10, Math.round(g * w[i][j] * week * (0.9 + 0.2 * rnd.nextDouble())));
                        b.add(d, i, j, t);
                    }
                }
            }
        }
        BundleInfo info = new BundleInfo("bench-risk", "Benchmark", Instant.parse("2020-06-01T00:00:00Z"), period,
                "day", "prefecture", List.of("trips"), 10, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1));
        return new AggregateDataset(info, new RegionTable(rs), b.build(), Optional.empty());
    }
}
