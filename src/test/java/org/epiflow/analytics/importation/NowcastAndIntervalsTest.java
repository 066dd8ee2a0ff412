package org.epiflow.analytics.importation;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Nowcast;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 14 items 5 and 7 and the importation intervals. */
class NowcastAndIntervalsTest {
    static final int DAYS = 40;

    /** Infections growing at r a day in region 0; reports a·(delay ∗ infections) with binomial thinning. */
    static int[] reports(double[] infections, double a, ReportingDelay delay, SplittableRandom rnd, int n) {
        double[] f = delay.pmf();
        int[] daily = new int[DAYS * n];
        for (int s = 0; s < DAYS; s++) {
            long x = Math.round(infections[s]);
            long rep = 0;
            for (long k = 0; k < x; k++) {
                rep += rnd.nextDouble() < a ? 1 : 0;
            }
            for (long k = 0; k < rep; k++) {
                double u = rnd.nextDouble();
                int l = 0;
                double c = f[0];
                while (u > c && l < f.length - 1) {
                    c += f[++l];
                }
                if (s + l < DAYS) {
                    daily[(s + l) * n] += 1;
                }
            }
        }
        return daily;
    }

    static double[] growth(double start, double r) {
        double[] x = new double[DAYS];
        for (int s = 0; s < DAYS; s++) {
            x[s] = start * Math.exp(r * s);
        }
        return x;
    }

    @Test
    void nowcastRecoversRecentInfectionsThatReportsHaveNotShownYet() {
        AggregateDataset data = TestNetworks.constant(new long[]{10_000_000, 1_000_000}, new int[][]{{0, 1000},
            {1000, 0}}, DAYS, 10);
        double[] truth = growth(20, 0.15);
        ReportingDelay delay = new ReportingDelay(8, 3);
        int[] daily = reports(truth, 0.5, delay, new SplittableRandom(2), 2);
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, DAYS - 1);
        Nowcast.Estimate est = Nowcast.of(cases, delay, 0.5, DAYS - 1);
        double pooledTruth = 0;
        double pooledEst = 0;
        double oldPool = 0;
        for (int s = DAYS - 7; s < DAYS; s++) {
            pooledTruth += truth[s];
            pooledEst += est.infections(s, 0);
            oldPool += daily[s * 2] / 0.5;
        }
        // the old pool (reports of the last 7 days / a) is about e^{r·delay} ≈ 3.3× too small
        assertThat(pooledTruth / oldPool).isGreaterThan(2.5);
        assertThat(pooledEst / pooledTruth).isCloseTo(1.0, within(0.25));
        // with no delay, the nowcast is the reports themselves
        Nowcast.Estimate none = Nowcast.of(cases, ReportingDelay.NONE, 0.5, DAYS - 1);
        assertThat(none.infections(30, 0)).isEqualTo(daily[60] / 0.5);
    }

    @Test
    void tripsAreCountedOnlyOnDaysTheOriginHadInfections() {
        AggregateDataset data = TestNetworks.constant(new long[]{1_000_000, 1_000_000}, new int[][]{{0, 500},
            {0, 0}}, 10, 10);
        int[] daily = new int[10 * 2];
        daily[8 * 2] = 5;
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, 9);
        RiskResult r = ImportationRisk.fromCases(data, cases, DayWindow.upTo(9),
                new ImportationParameters(false, 1, 1, null));
        int trips = r.column("trips_from_infected_regions").orElseThrow();
        // only day 8 had infections in region 0: 500 trips, not the 5,000 of the whole window
        assertThat(r.row(TestNetworks.code(1)).orElseThrow().value(trips)).isEqualTo(500);
    }

    @Test
    void regionsWithoutPublishedTripsAreMarkedNotZero() {
        AggregateDataset data = TestNetworks.constant(new long[]{1_000_000, 1_000_000, 1_000_000},
                new int[][]{{0, 500, 0}, {0, 0, 0}, {0, 0, 0}}, 5, 10);
        RiskResult r = ImportationRisk.fromSeeds(data, org.epiflow.analytics.cases.Seeds.parse(
                java.util.List.of(TestNetworks.code(0) + "=100"), data.regions()), DayWindow.upTo(4),
                ImportationParameters.DEFAULTS);
        var lonely = r.row(TestNetworks.code(2)).orElseThrow();
        assertThat(lonely.flag()).isEqualTo(ImportationRisk.SUPPRESSED);
        assertThat(lonely.value(r.column("expected_imported").orElseThrow())).isNaN();
    }

    /**
     * The 95 % intervals of expected imported infections cover the λ computed from the true infections in about
     * 95 % of simulated outbreaks (reports thinned at a = 0.3, with and without a reporting delay).
     */
    @Test
    void intervalsCoverTheTruthOnSimulatedData() {
        int n = 6;
        long[] pop = {5_000_000, 800_000, 900_000, 700_000, 1_200_000, 600_000};
        int[][] trips = new int[n][n];
        for (int j = 1; j < n; j++) {
            trips[0][j] = 2_000 * j;
        }
        AggregateDataset data = TestNetworks.constant(pop, trips, DAYS, 10);
        for (ReportingDelay delay : new ReportingDelay[]{ReportingDelay.NONE, new ReportingDelay(5, 2)}) {
            int covered = 0;
            int total = 0;
            SplittableRandom rnd = new SplittableRandom(delay.isFixed() ? 11 : 12);
            for (int sim = 0; sim < 60; sim++) {
                double[] truth = growth(3 + rnd.nextDouble() * 5, 0.06 + 0.06 * rnd.nextDouble());
                int[] daily = reports(truth, 0.3, delay, rnd, n);
                CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, DAYS - 1);
                DayWindow w = new DayWindow(DAYS - 10, DAYS - 1 - (delay.isFixed() ? 0 : 6), DAYS - 1);
                ImportationParameters p = new ImportationParameters(false, 7, 0.3, delay);
                RiskResult r = ImportationRisk.fromCases(data, cases, w, p);
                double[] prev = new double[DAYS * n];
                double run = 0;
                for (int d = 0; d < DAYS; d++) {
                    run += truth[d] - (d >= 7 ? truth[d - 7] : 0);
                    prev[d * n] = run;
                }
                RiskResult t = ImportationRisk.compute(data, prev, null, null, w, p, java.util.Map.of());
                int e = r.column("expected_imported").orElseThrow();
                int lo = r.column("expected_imported_lower").orElseThrow();
                int hi = r.column("expected_imported_upper").orElseThrow();
                for (int j = 1; j < n; j++) {
                    double lam = t.row(TestNetworks.code(j)).orElseThrow().value(e);
                    var row = r.row(TestNetworks.code(j)).orElseThrow();
                    total++;
                    covered += lam >= row.value(lo) && lam <= row.value(hi) ? 1 : 0;
                }
            }
            double coverage = (double) covered / total;
            assertThat(coverage).as("coverage with delay " + delay).isBetween(0.85, 1.0);
        }
    }
}
