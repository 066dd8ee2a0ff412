package org.epiflow.bench;

import org.epiflow.analytics.Populations;
import org.epiflow.analytics.SparseFlows;
import org.epiflow.analytics.distance.EffectiveDistanceGraph;
import org.epiflow.analytics.seir.MetapopulationSeir;
import org.epiflow.analytics.seir.SeirEnsemble;
import org.epiflow.analytics.seir.SeirParameters;
import org.epiflow.analytics.seir.TravelSchedule;
import org.epiflow.model.AggregateDataset;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Times the risk models on a synthetic gravity network (default 370 regions × 180 days, each region linked to its 40
 * strongest partners, made symmetric): SEIR deterministic and ensemble, all-pairs effective distance.
 */
public final class RiskBench {
    private final int regions;
    private final int days;
    private final int partners;
    private final int runs;

    public RiskBench(int regions, int days, int partners, int runs) {
        this.regions = regions;
        this.days = days;
        this.partners = partners;
        this.runs = runs;
    }

    public void run(PrintWriter out) {
        AggregateDataset data = SyntheticNetworks.gravityPartners(SyntheticNetworks.randomRegions(regions, 42), days,
                partners, 10, 42);
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
                n, days, Stats.median(det), Arrays.stream(det).min().orElse(0), withDrivers);
        SeirEnsemble.run(sched, p, pop, e0, i0, 20, 1);
        System.gc();
        s = System.nanoTime();
        SeirEnsemble ens = SeirEnsemble.run(sched, p, pop, e0, i0, runs, 7);
        double ensSec = (System.nanoTime() - s) / 1e9;
        out.printf("SEIR stochastic ensemble, %,d runs + 5 quantiles per region and day: %.2f s (goal <= 10 s); "
                + "regions reached in all runs: %d%n", runs, ensSec, countReached(ens));
        importationAndFit(out, data, sched, p, pop, e0, i0);
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
                + "(goal <= 100 ms); summing the %d-day window first: %.0f ms%n", n, Stats.median(ed), days, windowMs);
    }

    /**
     * Importation risk with its bootstrap intervals (nowcast through a gamma delay) and the joint fit of R0 and the
     * start, on cases made from the deterministic run (a quarter of the infections reported exactly 10 days later, fitted with that delay).
     */
    private void importationAndFit(PrintWriter out, AggregateDataset data, TravelSchedule sched, SeirParameters p,
                                   double[] pop, double[] e0, double[] i0) {
        int n = regions;
        var det = MetapopulationSeir.deterministic(sched, p, pop, e0, i0, false);
        int[] daily = new int[days * n];
        double[] carry = new double[n];
        for (int d = 10; d < days; d++) {
            for (int k = 0; k < n; k++) {
                double before = carry[k];
                carry[k] += 0.25 * det.incidence()[(d - 10) * n + k];
                daily[d * n + k] = (int) (Math.round(carry[k]) - Math.round(before));
            }
        }
        var cases = new org.epiflow.analytics.cases.CaseTable(data.info().period(), data.regions(), daily, days - 1);
        var delay = org.epiflow.analytics.cases.ReportingDelay.fixed(10);
        int asOf = Math.min(days - 1, 75);
        double[] imp = new double[5];
        for (int r = 0; r < imp.length; r++) {
            long s = System.nanoTime();
            org.epiflow.analytics.importation.ImportationRisk.fromCases(data, cases,
                    org.epiflow.analytics.DayWindow.upTo(asOf),
                    new org.epiflow.analytics.importation.ImportationParameters(false, 7, 0.25, delay));
            imp[r] = (System.nanoTime() - s) / 1e6;
        }
        out.printf("importation risk with 95 %% intervals (nowcast, %d bootstrap replicates), as of day %d: "
                + "median %.0f ms (goal <= 5 s)%n", org.epiflow.analytics.importation.ImportationRisk.DRAWS, asOf,
                Stats.median(imp));
        int fitTo = Math.min(days - 1, 70);
        TravelSchedule fitSched = TravelSchedule.of(data.flows(), n, pop, 0, fitTo + 1, p);
        var target = new org.epiflow.analytics.seir.SeirCalibration.Target(fitSched, pop, new int[]{0},
                new double[]{1}, cases, fitTo, 0.25, delay);
        long s = System.nanoTime();
        var fit = org.epiflow.analytics.seir.SeirCalibration.fit(target, p.withR0(1.2), true);
        out.printf("SEIR joint fit of R0 and the start (profile likelihood with interval), %d days: %.1f s "
                + "(goal <= 10 s); R0 %.3f (95 %% %.3f – %.3f), truth %.1f%n", fitTo + 1,
                (System.nanoTime() - s) / 1e9, fit.r0(), fit.lower(), fit.upper(), p.r0());
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

}
