package org.epiflow.data.compare;

import org.epiflow.data.DayRange;
import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowQuery;
import org.epiflow.data.FlowSpec;
import org.epiflow.data.LocationTotals;
import org.epiflow.data.RegionGroup;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A comparison counts its totals in the same pass as its pairs: they must be what the flow query counts. */
class ComparisonTotalsTest {
    // rows of a day in order of origin, then destination (as bundles store them); o = d are trips inside a region
    private static final AggregateDataset D = CompareFixtures.data(10,
            new int[] {0, 1, 20, 0, 2, 100, 1, 2, 50, 2, 2, 400, 3, 0, 30},
            new int[] {0, 0, 900, 0, 2, 140, 1, 0, 15, 1, 2, 45, 2, 3, 70, 3, 0, 60},
            new int[] {0, 2, 160, 1, 0, 25, 3, 1, 12},
            new int[] {0, 2, 110, 1, 1, 300, 2, 0, 90, 3, 0, 35});

    private static void sameTotals(LocationTotals a, LocationTotals b) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.nodes().code(i)).isEqualTo(b.nodes().code(i));
            assertThat(a.incoming(i)).as("in %s", a.nodes().code(i)).isEqualTo(b.incoming(i));
            assertThat(a.outgoing(i)).as("out %s", a.nodes().code(i)).isEqualTo(b.outgoing(i));
            assertThat(a.internal(i)).as("inside %s", a.nodes().code(i)).isEqualTo(b.internal(i));
        }
        assertThat(a.k()).isEqualTo(b.k());
    }

    @Test
    void totalsOfPeriodAndBaselineAreTheQuerysForRegionsProvincesAndGroups() throws Exception {
        BaselinePeriod bp = BaselinePeriod.align(new org.epiflow.model.Period(CompareFixtures.START.plusDays(2),
                        CompareFixtures.START.plusDays(3)),
                new org.epiflow.model.Period(CompareFixtures.START, CompareFixtures.START.plusDays(1)),
                Alignment.DATE);
        List<List<RegionGroup>> groupings = List.of(List.of(),
                List.of(new RegionGroup("湖北及上海", List.of("420100", "420900", "310100"))));
        for (List<RegionGroup> groups : groupings) {
            for (boolean provinces : new boolean[] {false, true}) {
                Comparison c = Comparison.of(D, DayRange.of(2, 3), null, bp, groups, provinces, false);
                FlowNodes n = Comparison.nodes(D, groups, provinces);
                sameTotals(c.totals(), new FlowQuery(D).run(FlowSpec.range(DayRange.of(2, 3)), n).totals());
                sameTotals(c.baselineTotals(), new FlowQuery(D).run(FlowSpec.range(DayRange.of(0, 1)), n).totals());
                Comparison alone = Comparison.of(D, DayRange.of(2, 3), null, null, groups, provinces, true);
                sameTotals(alone.totals(), c.totals());
            }
        }
    }
}
