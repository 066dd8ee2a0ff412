package org.epiflow.analytics;

import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.classify.BreakFinder;
import org.epiflow.analytics.classify.ClassificationMethod;
import org.epiflow.analytics.classify.Legend;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 14 items 3 and 7, issue 11 item 6: figures that mean what their names say. */
class ReadingRulesTest {
    @Test
    void legendsNeverShowAClassWithEqualBounds() {
        String[] labels = Legend.edgeLabels(new double[]{0.99991, 0.99995, 0.99999, 1}, 3);
        assertThat(labels).doesNotHaveDuplicates();
        var l = Legend.of("p", BreakFinder.custom(0.99991, 0.99995, 0.99999, 1),
                org.epiflow.analytics.classify.ColorScheme.YL_OR_RD, false);
        l.entries().forEach(e -> assertThat(e.label().split(" – ")[0]).isNotEqualTo(e.label().split(" – ")[1]));
        var d = BreakFinder.diverging(ClassificationMethod.QUANTILES, new double[]{0.2, 0.5, 0.9, 1.2, 2, 5}, 5, 1);
        assertThat(d.breaks().edges()).contains(1.0);
        assertThat(d.below()).isPositive();
        assertThat(d.above()).isPositive();
    }

    /** The index is the standardised residual; the expectation is a mean (smearing), the ratio its own column. */
    @Test
    void jiaIndexIsTheStandardisedResidualAndExpectationsAreMeans() {
        int n = 40;
        SplittableRandom rnd = new SplittableRandom(3);
        long[] pop = new long[n];
        int[][] trips = new int[n][n];
        for (int j = 0; j < n; j++) {
            pop[j] = 500_000 + rnd.nextInt(5_000_000);
            if (j > 0) {
                trips[0][j] = 50 + rnd.nextInt(20_000);
            }
        }
        AggregateDataset data = TestNetworks.constant(pop, trips, 10, 10);
        int[] daily = new int[10 * n];
        for (int j = 1; j < n; j++) {
            daily[9 * n + j] = (int) Math.round(Math.max(0, Math.expm1(-3 + 0.8 * Math.log(10.0 * trips[0][j])
                    + 0.5 * rnd.nextGaussian())));
        }
        daily[0] = 1000;
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, 9);
        RiskResult r = ObservedExpected.compute(data, cases, new int[]{0}, DayWindow.upTo(9), 0.90);
        double s = (double) r.summary().get("smearingFactor");
        assertThat(s).isGreaterThan(1.02);
        int obs = r.column("observed_cases").orElseThrow();
        int exp = r.column("expected_cases").orElseThrow();
        int lo = r.column("lower").orElseThrow();
        int hi = r.column("upper").orElseThrow();
        int idx = r.column("risk_index").orElseThrow();
        int ratio = r.column("observed_expected_ratio").orElseThrow();
        double bound = (double) r.summary().get("indexBound");
        int checked = 0;
        for (RiskRow row : r.rows()) {
            if (row.flag().equals("source") || !(row.value(lo) > 0)) {
                continue;
            }
            // the prediction interval is symmetric in ln(1 + C): its midpoint is the fit ŷ
            double yHat = (Math.log1p(row.value(lo)) + Math.log1p(row.value(hi))) / 2;
            double halfWidth = (Math.log1p(row.value(hi)) - Math.log1p(row.value(lo))) / 2;
            assertThat(row.value(exp) + 1).isCloseTo(s * Math.exp(yHat), within(1e-6 * (row.value(exp) + 1)));
            // standardised residual: (y − ŷ)/se, se = halfWidth / t
            assertThat(row.value(idx)).isCloseTo((Math.log1p(row.value(obs)) - yHat) / (halfWidth / bound),
                    within(1e-6));
            assertThat(row.value(ratio)).isCloseTo((row.value(obs) + 1) / (row.value(exp) + 1), within(1e-12));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void noPredictedArrivalDaysFromAFallingLine() {
        AggregateDataset data = TestNetworks.random(30, 3, 20, 7);
        int n = data.regions().size();
        RiskResult first = EffectiveDistance.compute(data, new int[]{0}, new DayWindow(0, 5, 5), null);
        int dcol = first.column("effective_distance").orElseThrow();
        int days = data.info().period().days();
        int[] daily = new int[days * n];
        for (RiskRow row : first.rows()) {
            double dd = row.value(dcol);
            if (Double.isFinite(dd)) {
                // the farther, the EARLIER the first case: a negative slope
                int day = Math.max(0, Math.min(days - 1, (int) Math.round(19 - 2 * dd)));
                daily[day * n + row.region()] = 1;
            }
        }
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, days - 1);
        RiskResult r = EffectiveDistance.compute(data, new int[]{0}, new DayWindow(0, 5, days - 1), cases);
        assertThat((double) r.summary().get("daysPerUnitDistance")).isNegative();
        assertThat(r.summary().get("arrivalFitUsable")).isEqualTo(false);
        int pred = r.column("predicted_arrival_day").orElseThrow();
        r.rows().forEach(row -> assertThat(row.value(pred)).isNaN());
    }
}
