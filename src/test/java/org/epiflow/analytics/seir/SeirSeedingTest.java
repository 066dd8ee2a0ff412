package org.epiflow.analytics.seir;

import org.epiflow.analytics.Populations;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.ReportingDelay;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 14 item 5: a calibrated forecast starts from where the epidemic is — every region's nowcast state — not
 * only from a number fitted in the sources at the start day.
 */
class SeirSeedingTest {
    private static final int DAYS = 90;
    private static final int AS_OF = 45;
    private static final double ASCERTAINMENT = 0.25;
    private static final ReportingDelay DELAY = new ReportingDelay(10, 4);
    private final AggregateDataset data = TestNetworks.random(15, 3, DAYS, 21);
    private final double[] pop = Populations.of(data);
    private final int n = pop.length;
    private final SeirParameters truth = new SeirParameters(2.6, 4, 5, 0, 0, Integer.MAX_VALUE, 0,
            SeirParameters.Rates.DAILY);

    /** The true epidemic from {@code infectious} people per region on day 0. */
    private SeirRun epidemic(double[] infectious) {
        TravelSchedule s = TravelSchedule.of(data.flows(), n, pop, 0, DAYS, truth);
        return MetapopulationSeir.deterministic(s, truth, pop, new double[n], infectious, false);
    }

    /** Reports: Poisson(a · delay ∗ infections). */
    private CaseTable reports(SeirRun run, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] f = DELAY.pmf();
        int[] daily = new int[DAYS * n];
        for (int d = 0; d < DAYS; d++) {
            for (int k = 0; k < n; k++) {
                double mu = 0;
                for (int l = 0; l < f.length && l <= d; l++) {
                    mu += f[l] * run.incidence()[(d - l) * n + k];
                }
                daily[d * n + k] = poisson(rnd, mu * ASCERTAINMENT);
            }
        }
        return new CaseTable(data.info().period(), data.regions(), daily, DAYS - 1);
    }

    private static int poisson(SplittableRandom rnd, double mu) {
        if (mu > 50) {
            return (int) Math.max(0, Math.round(mu + Math.sqrt(mu) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mu);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    private SeirForecast.Outcome forecast(CaseTable cases, int start, SeirForecast.Seeding how) {
        return SeirForecast.compute(data, cases, new SeirForecast.Settings(truth, start, AS_OF, 20, new int[]{0},
                List.of(), ASCERTAINMENT, DELAY, false, 0, 3, how));
    }

    private double infectiousOnAsOf(SeirRun run, int region) {
        return run.infectious()[(AS_OF - run.startDay()) * n + region];
    }

    /**
     * The bundle begins when the epidemic is already a month old and reports come 10 days (gamma, sd 4) after
     * infection: the forecast's infectious people on the as-of day match the simulation's in every region with
     * some (the old start, fitted in the source alone from the start day, put them all in the source).
     */
    @Test
    void aForecastStartedMidEpidemicRecoversTheCurrentInfections() {
        double[] i0 = new double[n];
        i0[0] = 50;
        SeirRun truthRun = epidemic(i0);
        CaseTable cases = reports(truthRun, 11);
        SeirForecast.Outcome o = forecast(cases, 30, SeirForecast.Seeding.NOWCAST);
        double total = 0;
        double fc = 0;
        for (int k = 0; k < n; k++) {
            double t = infectiousOnAsOf(truthRun, k);
            double f = infectiousOnAsOf(o.deterministic(), k);
            total += t;
            fc += f;
            if (t >= 300) {
                assertThat(f).as("region %d", k).isCloseTo(t, within(0.2 * t));
            }
        }
        assertThat(fc).isCloseTo(total, within(0.08 * total));
        assertThat(o.result().summary()).containsEntry("seeding", "nowcast");
        // the run states where it started, in words (the apostrophe of "region's" survives MessageFormat)
        String seededOn = String.valueOf(o.result().summary().get("seededOn"));
        assertThat(o.result().inputs()).anySatisfy(m -> assertThat(m.english())
                .startsWith("Started from the nowcast of each region's reports")
                .containsPattern("reports: \\d{1,3}(,\\d{3})* people")   // a count, written as a count
                .contains("at the end of " + seededOn));
        assertThat(o.result().inputs()).anySatisfy(m -> assertThat(org.epiflow.text.Texts.inChinese().format(m))
                .startsWith("按各地区报告病例推算").contains("截至 " + seededOn));
        // the next ten days' infections follow from that start
        double next = 0;
        double nextFc = 0;
        for (int d = AS_OF + 1; d <= AS_OF + 10; d++) {
            for (int k = 0; k < n; k++) {
                next += truthRun.incidence()[d * n + k];
                nextFc += o.deterministic().incidence()[(d - 30) * n + k];
            }
        }
        assertThat(nextFc).isCloseTo(next, within(0.1 * next));
    }

    /**
     * A second introduction no trip explains (20 infectious people in region 9): the model started in the source
     * alone cannot know of it; the nowcast of region 9's own reports can.
     */
    @Test
    void eachRegionStartsFromItsOwnReports() {
        double[] i0 = new double[n];
        i0[0] = 50;
        int other = 9;
        i0[other] = 20;
        SeirRun truthRun = epidemic(i0);
        CaseTable cases = reports(truthRun, 12);
        double t = infectiousOnAsOf(truthRun, other);
        assertThat(t).isGreaterThan(500);
        double nowcast = infectiousOnAsOf(forecast(cases, 0, SeirForecast.Seeding.NOWCAST).deterministic(), other);
        double fitted = infectiousOnAsOf(forecast(cases, 0, SeirForecast.Seeding.FIT).deterministic(), other);
        assertThat(nowcast).isCloseTo(t, within(0.2 * t));
        assertThat(Math.abs(fitted - t)).isGreaterThan(0.5 * t);
    }

    /** The ensemble starts from bootstrap replicates of the nowcast: its median brackets the deterministic run. */
    @Test
    void theEnsembleStartsFromTheNowcastToo() {
        double[] i0 = new double[n];
        i0[0] = 50;
        CaseTable cases = reports(epidemic(i0), 13);
        SeirForecast.Outcome o = SeirForecast.compute(data, cases, new SeirForecast.Settings(truth, 30, AS_OF, 20,
                new int[]{0}, List.of(), ASCERTAINMENT, DELAY, false, 100, 3));
        int last = o.deterministic().days() - 1;
        double det = 0;
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < n; k++) {
            det += o.deterministic().cumulative(last, k);
            lo += o.ensemble().quantile(0, last, k);
            hi += o.ensemble().quantile(4, last, k);
        }
        assertThat(det).isBetween(lo * 0.95, hi * 1.05);
        assertThat(hi).isGreaterThan(lo);
        assertThat(o.ensemble().discarded()).isZero();
    }
}
