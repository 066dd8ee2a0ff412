package org.epiflow.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The diverging scheme of changes: symmetric, centred on zero, locked, labelled in both languages. */
class DivergingScaleTest {
    @Test
    void lockedBreaksAreSymmetricAndRoundedToTwoDigits() {
        DivergingScale s = DivergingScale.locked(12_345);
        double[] b = s.breaks();
        assertThat(b).containsExactly(-8_600, -4_300, -1_200, 1_200, 4_300, 8_600);
        for (int i = 0; i < 3; i++) {
            assertThat(b[i]).isEqualTo(-b[5 - i]);
        }
        assertThat(s).isEqualTo(DivergingScale.locked(12_345)).isNotEqualTo(DivergingScale.lockedPercent(12_345));
    }

    @Test
    void classesAreCentredOnZero() {
        DivergingScale s = DivergingScale.locked(10_000);
        // breaks ±1,000, ±3,500, ±7,000
        assertThat(s.classOf(0)).isEqualTo(3);
        assertThat(s.classOf(-1_000)).isEqualTo(3);
        assertThat(s.classOf(999)).isEqualTo(3);
        assertThat(s.classOf(1_000)).isEqualTo(4);
        assertThat(s.classOf(-1_001)).isEqualTo(2);
        assertThat(s.classOf(-50_000)).isZero();
        assertThat(s.classOf(50_000)).isEqualTo(6);
        // the same change has the same colour on every page drawn with this scale
        assertThat(s.arcColor(5_000, false)).isEqualTo(DivergingScale.arcClassColor(5, false));
        assertThat(s.arcColor(-5_000, true)).isEqualTo(DivergingScale.arcClassColor(1, true));
        assertThat(s.arcColor(5_000, false)).isNotEqualTo(s.arcColor(-5_000, false));
    }

    @Test
    void fittedBreaksFollowTheValuesNotTheOutlier() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (10 + i);
        }
        v[0] = 1_000_000;
        DivergingScale s = DivergingScale.fitted(v, false);
        // most changes are 10–110: they must not all fall into "about the same"
        int neutral = 0;
        for (double x : v) {
            neutral += s.classOf(x) == 3 ? 1 : 0;
        }
        assertThat(neutral).isLessThan(50);
        assertThat(s.breaks()[5]).isLessThan(1_000);
        assertThat(s.classOf(1_000_000)).isEqualTo(6);
    }

    @Test
    void percentChangesAreCappedForTheBreaks() {
        DivergingScale s = DivergingScale.fitted(new double[] {5, -10, 20, 50_000, -30, 40}, true);
        assertThat(s.isPercent()).isTrue();
        assertThat(s.breaks()[5]).isLessThanOrEqualTo(1_000);
    }

    @Test
    void whenEverythingChangedALotAboutTheSameStaysWithinTenPercent() {
        // the risk heatmap of the week after the restriction: every region −70 % to −96 %
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = -70 - 26.0 * i / v.length;
        }
        DivergingScale s = DivergingScale.fitted(v, true);
        assertThat(s.breaks()[3]).isEqualTo(10);
        assertThat(s.classOf(-70)).isLessThan(3);   // −70 % is not "about the same"
        assertThat(s.classOf(-5)).isEqualTo(3);
        assertThat(s.labels(Language.EN).get(3)).isEqualTo("about the same (within ±10 %)");
    }

    @Test
    void labelsInEnglishAndChinese() {
        DivergingScale s = DivergingScale.locked(200_000);
        // breaks ±20,000, ±70,000, ±140,000
        assertThat(s.labels(Language.EN)).containsExactly("+140,000 or more", "+70,000 – +140,000",
                "+20,000 – +70,000", "about the same (within ±20,000)", "−70,000 – −20,000", "−140,000 – −70,000",
                "−140,000 or less");
        assertThat(s.labels(Language.ZH).get(0)).isEqualTo("+14万 及以上");
        assertThat(s.labels(Language.ZH).get(3)).isEqualTo("基本持平（±2万 以内）");
        DivergingScale p = DivergingScale.lockedPercent(100);
        assertThat(p.format(-35, Language.EN, true)).isEqualTo("−35 %");
        assertThat(p.format(12.5, Language.EN, true)).isEqualTo("+12.5 %");
        assertThat(DivergingScale.locked(1).format(0.25, Language.EN, true)).isEqualTo("+0.25");
    }
}
