package org.epiflow.analytics.observed;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ObservedExpectedTest {
    @Test
    void recoversTheFlowElasticityAndFlagsOutliers() {
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
            double flow = 10.0 * trips[0][j];
            // ln(1 + C) = -3 + 0.8 ln F + small noise
            double c = Math.expm1(-3 + 0.8 * Math.log(flow) + 0.1 * rnd.nextGaussian());
            daily[9 * n + j] = (int) Math.round(Math.max(0, c));
        }
        daily[9 * n + 5] *= 20;                 // local transmission
        daily[9 * n + 7] = 0;                   // under-reporting
        daily[0] = 1000;
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, 9);
        RiskResult r = ObservedExpected.compute(data, cases, new int[]{0}, DayWindow.upTo(9), 0.95);
        assertThat((double) r.summary().get("flowElasticity")).isCloseTo(0.8, within(0.15));
        assertThat(r.row(TestNetworks.code(5)).orElseThrow().flag()).isEqualTo("local-transmission");
        assertThat(r.row(TestNetworks.code(7)).orElseThrow().flag()).isEqualTo("under-reporting");
        assertThat(r.row(TestNetworks.code(0)).orElseThrow().flag()).isEqualTo("source");
        assertThat(r.rows().get(0).code()).isEqualTo(TestNetworks.code(0));
        assertThat(r.rows().get(1).code()).isEqualTo(TestNetworks.code(5));
        assertThat(r.rows().get(2).drivers()).singleElement().satisfies(d ->
                assertThat(d.code()).isEqualTo(TestNetworks.code(0)));
        assertThat(r.columns().get(0).flowDerived()).isTrue();
    }
}
