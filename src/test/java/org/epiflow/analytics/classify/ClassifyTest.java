package org.epiflow.analytics.classify;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifyTest {
    @Test
    void equalIntervalsAndQuantiles() {
        double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN};
        assertThat(BreakFinder.equalIntervals(v, 5).edges()).containsExactly(0, 2, 4, 6, 8, 10);
        Breaks q = BreakFinder.quantiles(v, 4);
        assertThat(q.edges()).containsExactly(0, 2.5, 5, 7.5, 10);
        assertThat(q.classOf(10)).isEqualTo(3);
        assertThat(q.classOf(-5)).isZero();
        assertThat(q.classOf(2.5)).isEqualTo(1);
        assertThat(q.classOf(Double.NaN)).isEqualTo(-1);
        assertThat(BreakFinder.quantiles(new double[]{1, 1, 1, 1, 2}, 4).classes()).isEqualTo(1);
        assertThat(BreakFinder.equalIntervals(new double[]{3, 3}, 4).classes()).isEqualTo(1);
    }

    @Test
    void naturalBreaksFindObviousGroups() {
        double[] v = {1, 2, 3, 10, 11, 12, 50, 52};
        assertThat(BreakFinder.naturalBreaks(v, 3).edges()).containsExactly(1, 10, 50, 52);
    }

    @RepeatedTest(10)
    void naturalBreaksAreOptimalAgainstBruteForce(RepetitionInfo info) {
        SplittableRandom rnd = new SplittableRandom(info.getCurrentRepetition());
        double[] v = new double[9];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble() * 100;
        }
        Arrays.sort(v);
        int k = 3;
        Breaks b = BreakFinder.naturalBreaks(v, k);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < v.length; i++) {
            for (int j = i + 1; j < v.length; j++) {
                best = Math.min(best, ssd(v, 0, i) + ssd(v, i, j) + ssd(v, j, v.length));
            }
        }
        double got = 0;
        for (int c = 0; c < b.classes(); c++) {
            final int cc = c;
            double[] in = Arrays.stream(v).filter(x -> b.classOf(x) == cc).toArray();
            got += ssd(in, 0, in.length);
        }
        assertThat(got).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-6));
    }

    private static double ssd(double[] v, int a, int b) {
        double m = 0;
        for (int i = a; i < b; i++) {
            m += v[i] / (b - a);
        }
        double s = 0;
        for (int i = a; i < b; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return s;
    }

    @Test
    void customBreaksMustIncrease() {
        assertThat(BreakFinder.custom(0, 0.1, 0.5, 1).classes()).isEqualTo(3);
        assertThatThrownBy(() -> BreakFinder.custom(0, 0.5, 0.5)).hasMessageContaining("strictly increasing");
    }

    @Test
    void schemesAreOpaqueArgbAndEndAtTheirStops() {
        for (ColorScheme s : ColorScheme.values()) {
            int[] c = s.colors(5, false);
            assertThat(c).hasSize(5);
            assertThat(c[0]).isEqualTo(s.stops()[0]);
            assertThat(c[4]).isEqualTo(s.stops()[s.stops().length - 1]);
            assertThat(Arrays.stream(c).allMatch(x -> (x >>> 24) == 0xFF)).isTrue();
            assertThat(s.colors(5, true)[0]).isEqualTo(c[4]);
        }
        assertThat(ColorScheme.RD_BU.colors(3, false)[1]).isEqualTo(0xFFF7F7F7);
        assertThat(ColorScheme.YL_OR_RD.kind()).isEqualTo(ColorScheme.Kind.SEQUENTIAL);
        assertThat(ColorScheme.PU_OR.kind()).isEqualTo(ColorScheme.Kind.DIVERGING);
    }

    @Test
    void legendLabelsAndColours() {
        Legend l = Legend.of("Import probability", BreakFinder.custom(0, 0.05, 0.2, 1), ColorScheme.YL_OR_RD, false);
        assertThat(l.entries()).extracting(Legend.Entry::label).containsExactly("0 – 0.05", "0.05 – 0.2", "0.2 – 1");
        assertThat(l.color(Double.NaN)).isEqualTo(ColorScheme.NO_DATA);
        assertThat(l.color(0.5)).isEqualTo(l.entries().get(2).argb());
        assertThat(Legend.format(1234567)).isEqualTo("1,234,567");
        assertThat(Legend.format(12.345)).isEqualTo("12.3");
        // per 1,000 residents: written out, not 9.55e-05
        assertThat(Legend.format(9.5512e-5)).isEqualTo("0.0000955");
        assertThat(Legend.format(-0.00031649)).isEqualTo("-0.000316");
        assertThat(Legend.format(0.5)).isEqualTo("0.5");
    }
}
