package org.epiflow.analytics.importation;

import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.cases.Seeds;
import org.epiflow.model.AggregateDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImportationRiskTest {
    private static double col(RiskResult r, String code, String column) {
        return r.row(code).orElseThrow().value(r.column(column).orElseThrow());
    }

    @Test
    void twoRegionsByHand() {
        AggregateDataset data = TestNetworks.constant(new long[]{1_000_000, 500_000},
                new int[][]{{0, 1000}, {400, 0}}, 3, 10);
        List<Seeds.Seed> seeds = Seeds.parse(List.of(TestNetworks.code(0) + "=0.1%"), data.regions());
        RiskResult r = ImportationRisk.fromSeeds(data, seeds, DayWindow.upTo(2), ImportationParameters.DEFAULTS);
        String b = TestNetworks.code(1);
        // λ_B = 3 days × 1000 trips × 1000 / 1e6 = 3
        assertThat(col(r, b, "expected_imported")).isCloseTo(3.0, within(1e-12));
        assertThat(col(r, b, "import_probability")).isCloseTo(1 - Math.exp(-3), within(1e-12));
        assertThat(col(r, b, "imported_per_100k")).isCloseTo(0.6, within(1e-12));
        assertThat(col(r, b, "trips_from_infected_regions")).isEqualTo(3000);
        assertThat(col(r, TestNetworks.code(0), "expected_imported")).isZero();
        assertThat(r.rows().get(0).code()).isEqualTo(b);
        assertThat(r.rows().get(0).drivers()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(TestNetworks.code(0));
            assertThat(d.share()).isEqualTo(1.0);
        });

        RiskResult both = ImportationRisk.fromSeeds(data, seeds, DayWindow.upTo(2),
                new ImportationParameters(true, 7, 1, null));
        // plus residents of B returning from A: 3 × 400 × 0.001 = 1.2
        assertThat(col(both, b, "expected_imported")).isCloseTo(4.2, within(1e-12));
    }

    @Test
    void threeRegionsFromCasesByHand() {
        AggregateDataset data = TestNetworks.constant(new long[]{1_000_000, 2_000_000, 1_000_000},
                new int[][]{{0, 2000, 500}, {0, 0, 1000}, {100, 0, 0}}, 3, 10);
        int n = 3;
        int[] daily = new int[3 * n];
        daily[0] = 10;          // A, day 0
        daily[n + 1] = 4;       // B, day 1
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, 1);
        RiskResult r = ImportationRisk.fromCases(data, cases, DayWindow.upTo(2),
                new ImportationParameters(false, 2, 0.5, null));
        String a = TestNetworks.code(0);
        String b = TestNetworks.code(1);
        String c = TestNetworks.code(2);
        // I_A = 20, 20, 0; I_B = 0, 8, 8
        assertThat(col(r, b, "expected_imported")).isCloseTo(2000 * 40 / 1e6, within(1e-12));
        assertThat(col(r, c, "expected_imported")).isCloseTo(500 * 40 / 1e6 + 1000 * 16 / 2e6, within(1e-12));
        assertThat(col(r, a, "expected_imported")).isZero();
        // only trips on days the origin had infections: A→C on days 0–1, B→C on days 1–2 (issue 14 item 7)
        assertThat(col(r, c, "trips_from_infected_regions")).isEqualTo(500 * 2 + 1000 * 2);
        assertThat(col(r, c, "local_cases")).isZero();
        assertThat(col(r, b, "local_cases")).isEqualTo(4);
        RiskRow rowC = r.row(c).orElseThrow();
        assertThat(rowC.drivers()).hasSize(2);
        assertThat(rowC.drivers().get(0).code()).isEqualTo(a);
        assertThat(rowC.drivers().get(0).share()).isCloseTo(0.02 / 0.028, within(1e-12));
        assertThat(r.rows()).extracting(RiskRow::code).containsExactly(b, c, a);
    }

    @Test
    void tripFiguresBelowKAreWithheld() throws Exception {
        AggregateDataset data = TestNetworks.constant(new long[]{1_000_000, 500_000},
                new int[][]{{0, 1000}, {400, 0}}, 1, 5000);
        RiskResult r = ImportationRisk.fromSeeds(data,
                Seeds.parse(List.of(TestNetworks.code(0) + "=100"), data.regions()), DayWindow.upTo(0), ImportationParameters.DEFAULTS);
        java.io.StringWriter w = new java.io.StringWriter();
        r.writeCsv(w);
        assertThat(w.toString()).contains(",<5000,").doesNotContain(",1000,");
        assertThat(r.toJsonTree().toString()).contains("<5000");
    }
}
