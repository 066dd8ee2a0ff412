package org.epiflow.analytics.seir;

import org.epiflow.analytics.Populations;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetapopulationSeirTest {
    private static final SeirParameters P = new SeirParameters(2.5, 4, 5, 0, 0, Integer.MAX_VALUE);

    private static TravelSchedule schedule(AggregateDataset data, int days, SeirParameters p) {
        return TravelSchedule.of(data.flows(), data.regions().size(), Populations.of(data), 0, days, p);
    }

    @Test
    void totalPopulationIsConserved() {
        AggregateDataset data = TestNetworks.random(20, 4, 30, 3);
        double[] pop = Populations.of(data);
        double total = Arrays.stream(pop).sum();
        double[] i0 = new double[20];
        i0[0] = 100;
        // 90 days: beyond the bundle's 30 the mean profile is used; travel halved from day 40
        SeirParameters p = new SeirParameters(2.5, 4, 5, 0.5, 0.2, 40);
        SeirRun det = MetapopulationSeir.deterministic(schedule(data, 90, p), p, pop, new double[20], i0, true);
        for (double t : det.totalPopulation()) {
            assertThat(t).isCloseTo(total, within(total * 1e-12));
        }
        assertThat(Arrays.stream(det.finalCumulative()).filter(c -> c > 1).count()).isGreaterThan(10);

        long[] lp = Arrays.stream(pop).mapToLong(Math::round).toArray();
        long[] li = new long[20];
        li[0] = 100;
        SeirRun sto = MetapopulationSeir.stochastic(schedule(data, 90, p), p, lp, new long[20], li,
                new SplittableRandom(5));
        long ltotal = Arrays.stream(lp).sum();
        for (double t : sto.totalPopulation()) {
            assertThat(t).isEqualTo((double) ltotal);
        }
    }

    @Test
    void aRegionWithoutTravelIsNeverInfected() {
        long[] pop = {1_000_000, 800_000, 600_000, 500_000};
        int[][] trips = {{0, 5000, 3000, 0}, {5000, 0, 2000, 0}, {3000, 2000, 0, 0}, {0, 0, 0, 0}};
        AggregateDataset data = TestNetworks.constant(pop, trips, 60, 10);
        double[] i0 = {500, 0, 0, 0};
        SeirRun det = MetapopulationSeir.deterministic(schedule(data, 120, P), P, Populations.of(data),
                new double[4], i0, false);
        assertThat(det.finalCumulative()[3]).isZero();
        assertThat(det.finalCumulative()[1]).isGreaterThan(1000);
        SeirEnsemble ens = SeirEnsemble.run(schedule(data, 120, P), P, Populations.of(data), new double[4], i0, 20, 9);
        assertThat(ens.arrivalProbability(119, 3)).isZero();
        assertThat(ens.arrivalProbability(119, 1)).isEqualTo(1.0);
    }

    @Test
    void noTransmissionWithoutR0AndExactDecay() {
        AggregateDataset data = TestNetworks.constant(new long[]{1000, 1000}, new int[][]{{0, 0}, {0, 0}}, 5, 1);
        SeirParameters p = new SeirParameters(0, 2, 4, 0, 0, Integer.MAX_VALUE, 0, SeirParameters.Rates.DAILY);
        SeirRun run = MetapopulationSeir.deterministic(schedule(data, 5, p), p, Populations.of(data),
                new double[]{0, 0}, new double[]{100, 0}, false);
        // daily probabilities: I falls by 1/4 a day: 75, 56.25, ...
        assertThat(run.infectious()[0]).isCloseTo(75, within(1e-9));
        assertThat(run.infectious()[2]).isCloseTo(56.25, within(1e-9));
        assertThat(run.finalCumulative()[0]).isZero();
        // continuous-time rates: I decays as exp(−t/4)
        SeirParameters q = new SeirParameters(0, 2, 4, 0, 0, Integer.MAX_VALUE);
        SeirRun ode = MetapopulationSeir.deterministic(schedule(data, 5, q), q, Populations.of(data),
                new double[]{0, 0}, new double[]{100, 0}, false);
        assertThat(ode.infectious()[0]).isCloseTo(100 * Math.exp(-0.25), within(1e-9));
    }

    @Test
    void ensembleMeanApproachesTheDeterministicRun() {
        AggregateDataset data = TestNetworks.random(12, 3, 40, 11);
        double[] pop = Populations.of(data);
        double[] i0 = new double[12];
        i0[0] = 2000;
        double[] e0 = new double[12];
        e0[0] = 2000;
        SeirParameters p = new SeirParameters(1.8, 3, 4, 0, 0, Integer.MAX_VALUE);
        TravelSchedule s = schedule(data, 40, p);
        SeirRun det = MetapopulationSeir.deterministic(s, p, pop, e0, i0, false);
        SeirEnsemble ens = SeirEnsemble.run(s, p, pop, e0, i0, 300, 42);
        double detTotal = 0;
        double ensTotal = 0;
        for (int k = 0; k < 12; k++) {
            double c = det.cumulative(39, k);
            detTotal += c;
            ensTotal += ens.mean(39, k);
            if (c > 5000) {
                assertThat(ens.mean(39, k)).isCloseTo(c, within(0.1 * c));
                assertThat(ens.quantile(0, 39, k)).isLessThanOrEqualTo(ens.quantile(2, 39, k));
                assertThat(ens.quantile(2, 39, k)).isLessThanOrEqualTo(ens.quantile(4, 39, k));
            }
        }
        assertThat(ensTotal).isCloseTo(detTotal, within(0.03 * detTotal));
        SeirEnsemble again = SeirEnsemble.run(s, p, pop, e0, i0, 300, 42);
        assertThat(again.mean(39, 3)).isEqualTo(ens.mean(39, 3));
    }

    @Test
    void binomialDrawsHaveTheRightMeanAndVariance() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (long[] np : new long[][]{{20, 300}, {1000, 10}, {1_000_000, 3}, {50, 900}}) {
            long n = np[0];
            double p = np[1] / 1000.0;
            int m = 200_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < m; i++) {
                long x = Binomial.draw(rnd, n, p);
                assertThat(x).isBetween(0L, n);
                sum += x;
                sq += (double) x * x;
            }
            double mean = sum / m;
            double var = sq / m - mean * mean;
            assertThat(mean).isCloseTo(n * p, within(0.02 * n * p + 0.01));
            assertThat(var).isCloseTo(n * p * (1 - p), within(0.05 * n * p * (1 - p) + 0.01));
        }
    }
}
