package org.epiflow.analytics.distance;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.SparseFlows;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EffectiveDistanceTest {
    @Test
    void twoRegionsByHand() {
        AggregateDataset data = TestNetworks.constant(new long[]{1000, 1000}, new int[][]{{0, 30}, {20, 0}}, 2, 10);
        RiskResult r = EffectiveDistance.compute(data, new int[]{0}, new DayWindow(0, 1, 1), null);
        // all traffic leaving A goes to B: P = 1, d = 1
        assertThat(r.row(TestNetworks.code(1)).orElseThrow().value(0)).isCloseTo(1.0, within(1e-12));
        // the source is marked as such, first and not ranked, with no distance of its own
        assertThat(r.row(TestNetworks.code(0)).orElseThrow().value(0)).isNaN();
        assertThat(r.rows().get(0).flag()).isEqualTo("source");
        assertThat(r.rank(r.rows().get(0))).isZero();
        assertThat(r.rank(r.rows().get(1))).isEqualTo(1);
    }

    @Test
    void threeRegionsByHandPrefersTheStrongIndirectPath() {
        // A→B 300, A→C 100; B→C 99, B→A 1; C→A 10
        AggregateDataset data = TestNetworks.constant(new long[]{1000, 1000, 1000},
                new int[][]{{0, 300, 100}, {1, 0, 99}, {10, 0, 0}}, 1, 1);
        RiskResult r = EffectiveDistance.compute(data, new int[]{0}, new DayWindow(0, 0, 0), null);
        double ab = 1 - Math.log(0.75);
        double bc = 1 - Math.log(0.99);
        double ac = 1 - Math.log(0.25);
        assertThat(ab + bc).isLessThan(ac);
        RiskRow b = r.row(TestNetworks.code(1)).orElseThrow();
        RiskRow c = r.row(TestNetworks.code(2)).orElseThrow();
        assertThat(b.value(0)).isCloseTo(ab, within(1e-12));
        assertThat(c.value(0)).isCloseTo(ab + bc, within(1e-12));
        assertThat(c.value(1)).isEqualTo(2);
        assertThat(c.flag()).isEqualTo(TestNetworks.code(0) + ">" + TestNetworks.code(1) + ">" + TestNetworks.code(2));
        assertThat(r.rows()).extracting(RiskRow::code)
                .containsExactly(TestNetworks.code(0), TestNetworks.code(1), TestNetworks.code(2));
        // from C the only way out is to A
        RiskResult fromC = EffectiveDistance.compute(data, new int[]{2}, new DayWindow(0, 0, 0), null);
        assertThat(fromC.row(TestNetworks.code(1)).orElseThrow().value(0)).isCloseTo(1 + ab, within(1e-12));
    }

    @RepeatedTest(20)
    void dijkstraMatchesBruteForceOnRandomSmallGraphs(org.junit.jupiter.api.RepetitionInfo info) {
        SplittableRandom rnd = new SplittableRandom(1000 + info.getCurrentRepetition());
        int n = 3 + rnd.nextInt(5);
        int[][] trips = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && rnd.nextInt(3) > 0) {
                    trips[i][j] = 1 + rnd.nextInt(1000);
                }
            }
        }
        AggregateDataset data = TestNetworks.constant(new long[n], trips, 2, 1);
        EffectiveDistanceGraph g = new EffectiveDistanceGraph(SparseFlows.window(data.flows(), n, 0, 2, false));
        double[][] all = g.allPairs();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                double brute = s == t ? 0 : brute(g, s, t, new boolean[n]);
                if (Double.isInfinite(brute)) {
                    assertThat(all[s][t]).isInfinite();
                } else {
                    assertThat(all[s][t]).isCloseTo(brute, within(1e-9));
                }
            }
        }
        int[] two = {0, n - 1};
        double[] multi = g.shortestPaths(two).distance();
        for (int t = 0; t < n; t++) {
            assertThat(multi[t]).isEqualTo(Math.min(all[0][t], all[n - 1][t]));
        }
    }

    /** Shortest simple path by enumerating every path. */
    private static double brute(EffectiveDistanceGraph g, int at, int target, boolean[] seen) {
        if (at == target) {
            return 0;
        }
        seen[at] = true;
        double best = Double.POSITIVE_INFINITY;
        for (int v = 0; v < g.regions(); v++) {
            double e = g.edge(at, v);
            if (!seen[v] && Double.isFinite(e)) {
                best = Math.min(best, e + brute(g, v, target, seen));
            }
        }
        seen[at] = false;
        return best;
    }

    @Test
    void arrivalFitRecoversALinearLaw() {
        AggregateDataset data = TestNetworks.random(30, 3, 5, 7);
        int n = data.regions().size();
        EffectiveDistanceGraph g = new EffectiveDistanceGraph(SparseFlows.window(data.flows(), n, 0, 5, false));
        double[] d = g.shortestPaths(0).distance();
        int days = data.info().period().days();
        int[] daily = new int[days * n];
        int placed = 0;
        for (int i = 0; i < n; i++) {
            int day = (int) Math.round(0.5 * d[i]);
            if (Double.isFinite(d[i]) && day < days) {
                daily[day * n + i] = 1;
                placed++;
            }
        }
        assertThat(placed).isGreaterThan(5);
        var cases = new org.epiflow.analytics.cases.CaseTable(data.info().period(), data.regions(), daily, days - 1);
        RiskResult r = EffectiveDistance.compute(data, new int[]{0}, new DayWindow(0, days - 1, days - 1), cases);
        assertThat((double) r.summary().get("daysPerUnitDistance")).isCloseTo(0.5, within(0.1));
        assertThat((double) r.summary().get("spearmanDistanceVsArrival")).isGreaterThan(0.8);
    }
}
