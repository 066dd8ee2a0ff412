package org.epiflow.bench;

import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticNetworksTest {

    @Test
    void sameSeedSameNetwork() {
        AggregateDataset a = SyntheticNetworks.gravityPartners(SyntheticNetworks.randomRegions(30, 1), 5, 6, 10, 1);
        AggregateDataset b = SyntheticNetworks.gravityPartners(SyntheticNetworks.randomRegions(30, 1), 5, 6, 10, 1);
        assertThat(a.flows().rowCount()).isEqualTo(b.flows().rowCount()).isPositive();
        assertThat(a.flows().totalTrips(3)).isEqualTo(b.flows().totalTrips(3));
    }

    @Test
    void partnersAreKeptBothWaysAndCellsAreAtLeastK() {
        AggregateDataset d = SyntheticNetworks.gravityPartners(SyntheticNetworks.randomRegions(20, 3), 2, 4, 10, 3);
        int day0 = d.flows().endRow(0) - d.flows().firstRow(0);
        // at least 4 partners a region, kept both ways: between 4n and 8n ordered pairs a day
        assertThat(day0).isBetween(4 * 20, 8 * 20);
        for (int r = 0; r < d.flows().rowCount(); r++) {
            assertThat(d.flows().trips(r)).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void strongestPairsKeepsExactlyTheRowsAsked() {
        AggregateDataset d = SyntheticNetworks.gravityStrongest(SyntheticNetworks.randomRegions(40, 2), 3, 500, 10, 2);
        assertThat(d.flows().rowCount()).isEqualTo(1500);
        assertThat(d.flows().dayCount()).isEqualTo(3);
    }

    @Test
    void everyPairFillsDaysUntilTheRowCount() {
        AggregateDataset d = SyntheticNetworks.everyPair(10, 250, 10, 4);
        assertThat(d.flows().rowCount()).isEqualTo(250);
        assertThat(d.flows().dayCount()).isEqualTo(3);
    }

    @Test
    void statsMedianAndPercentile() {
        assertThat(Stats.median(java.util.List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Stats.percentile(java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).isEqualTo(10.0);
        assertThat(Stats.list(java.util.List.of(1.4, 2.6))).isEqualTo("[1, 3]");
    }
}
