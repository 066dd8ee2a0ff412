package org.epiflow.data;

import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesAndPartnersTest {
    private final AggregateDataset data = FlowQueryTest.data();

    @Test
    void dailySeriesOfOneRegion() {
        RegionSeries s = RegionSeries.of(data, 0);
        assertThat(s.days()).isEqualTo(8);
        assertThat(s.inflow(0)).isEqualTo(90);
        assertThat(s.outflow(0)).isEqualTo(140);
        assertThat(s.internal(0)).isEqualTo(500);
        assertThat(s.net(0).shown()).hasValue(-50);
        // day 1: in 55 + 15 = 70, out 60 → net 10 = k, shown
        assertThat(s.net(1).shown()).hasValue(10);
        // day 2: in 0, out 10 → net -10, shown (|−10| = k)
        assertThat(s.net(2).format()).isEqualTo("-10");
    }

    @Test
    void netBelowKIsSuppressed() {
        // Tianjin day 1: in 60, out 55 → net 5 < k
        RegionSeries s = RegionSeries.of(data, 1);
        assertThat(s.net(1).suppressed()).isTrue();
        assertThat(s.net(1).shown()).isEmpty();
        assertThat(s.net(1).format()).isEqualTo("< 10");
        assertThat(Suppressed.derived(0, 10).suppressed()).isTrue();
        assertThat(Suppressed.derived(-9, 10).suppressed()).isTrue();
        assertThat(Suppressed.derived(-10, 10).suppressed()).isFalse();
        assertThat(Suppressed.sum(3, 10).suppressed()).isFalse();
    }

    @Test
    void setOfRegionsCountsInternalTripsOnce() {
        // Hebei = regions 2 and 3; day 0: 2↔3 internal 50, in from Beijing 40, out none
        RegionSeries s = RegionSeries.of(data, new int[] {2, 3});
        assertThat(s.internal(0)).isEqualTo(50);
        assertThat(s.inflow(0)).isEqualTo(40);
        assertThat(s.outflow(0)).isEqualTo(0);
        assertThat(s.outflow(1)).isEqualTo(15);
    }

    @Test
    void isoWeeks() {
        // 2020-01-06 is a Monday: days 0..6 form one week, day 7 (Mon 13th) a partial one
        List<RegionSeries.Week> w = RegionSeries.of(data, 0).weekly();
        assertThat(w).hasSize(2);
        assertThat(w.get(0).monday()).isEqualTo(LocalDate.of(2020, 1, 6));
        assertThat(w.get(0).complete()).isTrue();
        assertThat(w.get(0).outflow()).isEqualTo(140 + 60 + 5 * 10);
        assertThat(w.get(0).inflow()).isEqualTo(90 + 70);
        assertThat(w.get(0).net().shown()).hasValue(160 - 250);
        assertThat(w.get(1).days()).isEqualTo(1);
        assertThat(w.get(1).complete()).isFalse();
        assertThat(w.get(1).outflow()).isEqualTo(10);
        assertThat(w.get(1).net().format()).isEqualTo("-10");
    }

    @Test
    void topPartners() {
        List<TopPartners.Partner> p = TopPartners.of(data, 0, DayRange.of(0, 1), 0);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).partner()).isEqualTo(1);
        assertThat(p.get(0).in()).isEqualTo(145);
        assertThat(p.get(0).out()).isEqualTo(160);
        assertThat(p.get(0).total()).isEqualTo(305);
        assertThat(p.get(0).net().shown()).hasValue(-15);
        assertThat(p.get(1).partner()).isEqualTo(2);
        assertThat(p.get(1).in()).isEqualTo(15);
        assertThat(p.get(1).out()).isEqualTo(40);
        assertThat(p.get(1).net().shown()).hasValue(-25);
        // Tianjin ↔ Beijing on day 1 alone: in 60, out 55 → net 5 < k: suppressed
        TopPartners.Partner tj = TopPartners.of(data, 1, DayRange.of(1), 1).get(0);
        assertThat(tj.net().format()).isEqualTo("< 10");
        assertThat(TopPartners.of(data, 0, DayRange.of(0, 1), 1)).hasSize(1);
    }
}
