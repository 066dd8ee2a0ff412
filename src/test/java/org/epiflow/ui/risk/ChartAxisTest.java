package org.epiflow.ui.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 item 5: readable value ticks, 万 in Chinese, and a log scale. */
class ChartAxisTest {
    @Test
    void linearAxisHasFourToSevenNiceTicks() {
        ChartAxis a = ChartAxis.of(7_200_000, false);
        assertThat(a.ticks().length).isBetween(4, 7);
        assertThat(a.max()).isGreaterThanOrEqualTo(7_200_000);
        assertThat(ChartAxis.label(a.ticks()[1], true)).endsWith("万");
        assertThat(ChartAxis.label(2_000_000, true)).isEqualTo("200万");
        assertThat(ChartAxis.label(2_000_000, false)).isEqualTo("2M");
        assertThat(ChartAxis.label(150_000_000, true)).isEqualTo("1.5亿");
        assertThat(ChartAxis.label(5_000, true)).isEqualTo("5,000");
    }

    @Test
    void logAxisShowsSmallCountsNextToMillions() {
        ChartAxis a = ChartAxis.of(7_200_000, true);
        assertThat(a.ticks()).startsWith(1, 10, 100);
        // 30 reported cases sit a quarter of the way up, not on the floor as on the linear axis
        assertThat(a.position(30)).isGreaterThan(0.2);
        assertThat(ChartAxis.of(7_200_000, false).position(30)).isLessThan(0.0001);
    }
}
