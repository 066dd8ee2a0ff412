package org.epiflow.data.compare;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.RegionGroup;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowDifferenceTest {
    static final LocalDate START = CompareFixtures.START;
    static final RegionTable REGIONS = CompareFixtures.REGIONS;

    static AggregateDataset data(int k, int[]... trips) {
        return CompareFixtures.data(k, trips);
    }

    @Test
    void changeAndPercentFromPublishedCellsOfBothPeriods() throws Exception {
        // days 0-1 baseline, days 2-3 period; Wuhan→Beijing 100,100 then 150,130
        AggregateDataset d = data(10, new int[] {0, 2, 100}, new int[] {0, 2, 100},
                new int[] {0, 2, 150}, new int[] {0, 2, 130});
        FlowNodes nodes = FlowNodes.regions(d.regions());
        FlowDifference diff = FlowDifference.of(d, nodes, DayRange.of(2, 3), d, nodes, DayRange.of(0, 1));
        FlowChange c = diff.pair(0, 2).orElseThrow();
        assertThat(c.trips()).isEqualTo(280);
        assertThat(c.baselineTrips()).isEqualTo(200);
        assertThat(c.change().shown()).hasValue(80);
        assertThat(c.changePercent()).hasValue(40.0);
        assertThat(c.includesUnpublished()).isFalse();
    }

    @Test
    void aBaselineBundleWithALowerKCannotGiveItsSmallCellsBackThroughTheChange() throws Exception {
        // period bundle k = 10: Wuhan→Beijing 1000; baseline bundle k = 5: the same pair 7 (published there)
        AggregateDataset period = data(10, new int[] {0, 2, 1000});
        AggregateDataset baseline = data(5, new int[] {0, 2, 7});
        FlowNodes nodes = FlowNodes.regions(period.regions());
        FlowDifference diff = FlowDifference.of(period, nodes, DayRange.of(0), baseline, nodes, DayRange.of(0));
        assertThat(diff.k()).isEqualTo(10);
        FlowChange c = diff.pair(0, 2).orElseThrow();
        // shown as "< 10", so 1000 − 993 may not be written either
        assertThat(c.change().suppressed()).isTrue();
        assertThat(c.changePercent()).isEmpty();
        int i = 0;
        while (diff.origin(i) != 0 || diff.destination(i) != 2) {
            i++;
        }
        assertThat(diff.changeSuppressed(i)).isTrue();
        assertThat(diff.maxAbsChange()).isZero();
    }

    @Test
    void anUnpublishedBaselineIsNeverZero() throws Exception {
        // Wuhan→Shanghai absent (below k or none) in the baseline, 50 in the period
        AggregateDataset d = data(10, new int[] {0, 2, 100}, new int[] {0, 2, 100, 0, 3, 50});
        FlowNodes nodes = FlowNodes.regions(d.regions());
        FlowChange c = FlowDifference.of(d, nodes, DayRange.of(1), d, nodes, DayRange.of(0))
                .pair(0, 3).orElseThrow();
        assertThat(c.baselinePublished()).isFalse();
        assertThat(c.includesUnpublished()).isTrue();
        assertThat(c.changePercent()).isEmpty();
    }

    @Test
    void aDayWithoutAPublishedCellMarksTheChange() throws Exception {
        // baseline: published on day 0 only, period: both days
        AggregateDataset d = data(10, new int[] {0, 2, 40}, new int[] {}, new int[] {0, 2, 40},
                new int[] {0, 2, 45});
        FlowNodes nodes = FlowNodes.regions(d.regions());
        FlowChange c = FlowDifference.of(d, nodes, DayRange.of(2, 3), d, nodes, DayRange.of(0, 1))
                .pair(0, 2).orElseThrow();
        assertThat(c.baselineDays()).isEqualTo(1);
        assertThat(c.includesUnpublished()).isTrue();
    }

    @Test
    void smallChangesAreSuppressedLikeEveryDerivedFigure() throws Exception {
        AggregateDataset d = data(10, new int[] {0, 2, 100}, new int[] {0, 2, 104});
        FlowNodes nodes = FlowNodes.regions(d.regions());
        FlowChange c = FlowDifference.of(d, nodes, DayRange.of(1), d, nodes, DayRange.of(0)).pair(0, 2).orElseThrow();
        assertThat(c.change().suppressed()).isTrue();
        assertThat(c.change().format()).isEqualTo("< 10");
        assertThat(c.changePercent()).isEmpty();
    }

    @Test
    void aGroupSpanningProvincesIsOneNode() throws Exception {
        // Wuhan→Beijing 100, Xiaogan→Beijing 50, Shanghai→Wuhan 30 (day 0); double on day 1
        AggregateDataset d = data(10, new int[] {0, 2, 100, 1, 2, 50, 3, 0, 30},
                new int[] {0, 2, 200, 1, 2, 100, 3, 0, 60});
        RegionGroup g = new RegionGroup("武汉及京沪", List.of("420100", "110100", "310100"));
        assertThat(RegionGroup.problems(List.of(g), d.regions())).isEmpty();
        FlowNodes nodes = FlowNodes.grouped(d.regions(), List.of(g), false);
        assertThat(nodes.size()).isEqualTo(2);
        assertThat(nodes.code(0)).isEqualTo("武汉及京沪");
        FlowDifference diff = FlowDifference.of(d, nodes, DayRange.of(1), d, nodes, DayRange.of(0));
        // inside the group Wuhan→Beijing and Shanghai→Wuhan are internal; Xiaogan→group remains
        assertThat(diff.changes()).hasSize(1);
        FlowChange c = diff.changes().get(0);
        assertThat(nodes.code(c.origin())).isEqualTo("420900");
        assertThat(c.change().shown()).hasValue(50);
    }

    @Test
    void groupProblemsAreNamed() {
        List<org.epiflow.text.Message> p = RegionGroup.problems(List.of(
                new RegionGroup("A", List.of("420100", "999999")), new RegionGroup("B", List.of("420100")),
                new RegionGroup("", List.of("110100"))), REGIONS);
        assertThat(p).extracting(m -> m.english()).containsExactlyInAnyOrder(
                "The group \"A\" lists the code 999999, which is not a region of this bundle.",
                "武汉市 (420100) is in two groups, \"A\" and \"B\"; a region can be in one group only.",
                "A region group needs a name.");
        assertThat(RegionGroup.parse("neighbours=420100, 420900")).isEqualTo(
                new RegionGroup("neighbours", List.of("420100", "420900")));
    }

    @Test
    void anotherBundleIsMatchedByCode() throws Exception {
        AggregateDataset now = data(10, new int[] {0, 2, 300});
        // the baseline bundle lists the regions in another order
        RegionTable other = new RegionTable(List.of(REGIONS.get(2), REGIONS.get(0), REGIONS.get(1), REGIONS.get(3)));
        Period period = new Period(START.minusYears(1), START.minusYears(1));
        FlowTable.Builder b = FlowTable.builder(period, 4);
        b.add(0, 1, 0, 200); // Wuhan → Beijing in the other order
        AggregateDataset before = new AggregateDataset(new BundleInfo("b", "Test", Instant.parse("2019-06-01T00:00:00Z"),
                period, "day", "prefecture", List.of("trips"), 20, 1, BundleManifest.PURPOSE, LocalDate.of(2099, 1, 1)),
                other, b.build(), Optional.empty());
        FlowDifference diff = FlowDifference.of(now, FlowNodes.regions(now.regions()), DayRange.of(0),
                before, FlowNodes.regions(other), DayRange.of(0));
        FlowChange c = diff.pair(0, 2).orElseThrow();
        assertThat(c.baselineTrips()).isEqualTo(200);
        assertThat(c.k()).isEqualTo(20);
        assertThatThrownBy(() -> FlowDifference.of(now, FlowNodes.regions(now.regions()), DayRange.of(0),
                before, FlowNodes.regions(other), DayRange.of(0, 1))).isInstanceOf(ComparisonException.class);
    }

    @Test
    void perCapitaFromResidentsOrPopulation() {
        AggregateDataset d = data(10, new int[] {0, 2, 100});
        FlowNodes nodes = FlowNodes.regions(d.regions());
        PerCapita pop = PerCapita.of(d, nodes, DayRange.of(0));
        assertThat(pop.source()).isEqualTo(PerCapita.Source.POPULATION);
        assertThat(pop.per1000(0, 11_000)).hasValue(1.0);
        ResidentTable.Builder rb = ResidentTable.builder(d.info().period(), 4);
        rb.add(0, 0, 5_000_000);
        AggregateDataset withRes = new AggregateDataset(d.info(), d.regions(), d.flows(), Optional.of(rb.build()));
        PerCapita mixed = PerCapita.of(withRes, nodes, DayRange.of(0));
        assertThat(mixed.source()).isEqualTo(PerCapita.Source.MIXED);
        assertThat(mixed.per1000(0, 10_000)).hasValue(2.0);
        PerCapita prov = PerCapita.of(d, FlowNodes.provinces(d.regions()), DayRange.of(0));
        assertThat(prov.residents(0)).isEqualTo(15_000_000);
    }
}
