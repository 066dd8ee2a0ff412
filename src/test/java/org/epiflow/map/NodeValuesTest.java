package org.epiflow.map;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSpec;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.compare.CompareFixtures;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The circles (and region values) of a comparison map: totals, baseline, change, percent, per capita. */
class NodeValuesTest {
    private static LocationTotals totals(AggregateDataset d, int day) {
        return new FlowQuery(d).run(FlowSpec.range(DayRange.of(day)), FlowNodes.regions(d.regions())).totals();
    }

    // day 0 baseline, day 1 period: Wuhan→Beijing 100 → 300, Xiaogan→Beijing 50 → 55, Shanghai only in the period
    private static final AggregateDataset D = CompareFixtures.data(10,
            new int[] {0, 2, 100, 1, 2, 50},
            new int[] {0, 2, 300, 1, 2, 55, 3, 0, 40});

    @Test
    void changeOfTotalsWithTheRulesOfK() {
        NodeValues v = NodeValues.of(totals(D, 1), totals(D, 0), SymbolMeasure.OUTGOING, FlowMeasure.CHANGE, null);
        assertThat(v.state(0)).isEqualTo(FlowValues.State.SHOWN);
        assertThat(v.value(0)).isEqualTo(200);
        assertThat(v.marked(0)).isFalse();
        // +5 is below k = 10: suppressed, never shown as 5
        assertThat(v.state(1)).isEqualTo(FlowValues.State.SUPPRESSED);
        assertThat(v.value(1)).isZero();
        // Beijing has no outgoing trips in either period: not published, never 0
        assertThat(v.state(2)).isEqualTo(FlowValues.State.NOT_PUBLISHED);
        // Shanghai: nothing in the baseline, so the change is marked
        assertThat(v.value(3)).isEqualTo(40);
        assertThat(v.marked(3)).isTrue();
        assertThat(v.maxAbs()).isEqualTo(200);
        assertThat(v.shownByCode()).containsOnlyKeys("420100", "310100");
        assertThat(v.marksByCode()).containsOnlyKeys("420900", "110100");
    }

    @Test
    void percentNeedsAPublishedBaseline() {
        NodeValues v = NodeValues.of(totals(D, 1), totals(D, 0), SymbolMeasure.OUTGOING,
                FlowMeasure.CHANGE_PERCENT, null);
        assertThat(v.value(0)).isCloseTo(200.0, within(1e-9));
        assertThat(v.state(3)).isEqualTo(FlowValues.State.NOT_PUBLISHED);
        NodeValues in = NodeValues.of(totals(D, 1), totals(D, 0), SymbolMeasure.INCOMING,
                FlowMeasure.CHANGE_PERCENT, null);
        // Beijing in: 150 → 355
        assertThat(in.value(2)).isCloseTo(100.0 * 205 / 150, within(1e-9));
    }

    @Test
    void perThousandResidentsOfEachPlace() {
        PerCapita pc = PerCapita.of(D, FlowNodes.regions(D.regions()), DayRange.of(1));
        NodeValues v = NodeValues.of(totals(D, 1), totals(D, 0), SymbolMeasure.INCOMING, FlowMeasure.TRIPS, pc);
        assertThat(v.value(2)).isCloseTo(355 / 21_000.0, within(1e-12));
        NodeValues alone = NodeValues.of(totals(D, 1), null, SymbolMeasure.TOTAL, FlowMeasure.TRIPS, pc);
        assertThat(alone.value(0)).isCloseTo((300 + 40) / 11_000.0, within(1e-12));
        assertThatThrownBy(() -> NodeValues.of(totals(D, 1), null, SymbolMeasure.TOTAL, FlowMeasure.CHANGE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaselineOfAnotherBundleIsMatchedByCode() {
        RegionTable other = new RegionTable(List.of(CompareFixtures.REGIONS.get(2), CompareFixtures.REGIONS.get(0),
                CompareFixtures.REGIONS.get(1), CompareFixtures.REGIONS.get(3)));
        // Wuhan (index 1 there) → Beijing (index 0 there): 120
        AggregateDataset before = CompareFixtures.data(other, 10, new int[] {1, 0, 120});
        NodeValues v = NodeValues.of(totals(D, 1), totals(before, 0), SymbolMeasure.OUTGOING,
                FlowMeasure.BASELINE, null);
        assertThat(v.value(0)).isEqualTo(120);
        assertThat(v.state(1)).isEqualTo(FlowValues.State.NOT_PUBLISHED);
    }
}
