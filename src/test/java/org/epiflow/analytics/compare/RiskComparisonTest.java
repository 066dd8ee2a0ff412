package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.DayWindow;
import org.epiflow.analytics.RiskModel;
import org.epiflow.analytics.RiskModels;
import org.epiflow.analytics.RiskOutcome;
import org.epiflow.analytics.RiskRequest;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.TestNetworks;
import org.epiflow.analytics.cases.CaseTable;
import org.epiflow.analytics.distance.EffectiveDistance;
import org.epiflow.analytics.observed.ObservedExpected;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.data.compare.ComparisonException;
import org.epiflow.data.compare.PerCapita;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Issue 15 item 1 for heatmaps: a risk column's value, baseline, change and change in percent, by hand. */
class RiskComparisonTest {
    static final String A = TestNetworks.code(0), B = TestNetworks.code(1), C = TestNetworks.code(2),
            D = TestNetworks.code(3);
    static final LocalDate D0 = TestNetworks.START;

    /**
     * Four regions (A 1,000,000, B 500,000, C 2,000,000, D 1,000,000), four days, k = 10: days 0–1 (the baseline)
     * A→B 1,000 and A→C 400 a day; days 2–3 (the period) A→B 1,500, A→C 403 and A→D 500; C→D 50 every day
     * (so D has published trips in the baseline, none from an infected region).
     */
    static AggregateDataset fourDays() {
        int[][] before = {{0, 1000, 400, 0}, {0, 0, 0, 0}, {0, 0, 0, 50}, {0, 0, 0, 0}};
        int[][] after = {{0, 1500, 403, 500}, {0, 0, 0, 0}, {0, 0, 0, 50}, {0, 0, 0, 0}};
        return TestNetworks.daily(new long[]{1_000_000, 500_000, 2_000_000, 1_000_000},
                new int[][][]{before, before, after, after}, 10);
    }

    /** Importation from 0.1 % infected in A (1,000 people), travel window days 2–3. */
    static RiskOutcome importation(AggregateDataset data, LocalDate from, LocalDate to) throws Exception {
        return RiskModels.run(RiskRequest.of(RiskModel.IMPORTATION, data).withSeeds(List.of(A + "=0.1%"))
                .withWindow(from, to, to));
    }

    @Test
    void sameBundleOneWeekBeforeByHand() throws Exception {
        AggregateDataset data = fourDays();
        RiskOutcome run = importation(data, D0.plusDays(2), D0.plusDays(3));
        BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(D0, D0.plusDays(1)), Alignment.DATE);
        RiskComparison c = RiskComparison.run(run, b, null, null);
        assertThat(c.baseline().window()).isEqualTo(new DayWindow(0, 1, 1));

        // expected imported into B: 2 days × 1,500 × 1,000 / 1e6 = 3.0 against 2 × 1,000 × 0.001 = 2.0
        RiskChange e = c.column("expected_imported", false, false).get(B);
        assertThat(e.value()).isCloseTo(3.0, within(1e-12));
        assertThat(e.baseline()).isCloseTo(2.0, within(1e-12));
        assertThat(e.change()).isCloseTo(1.0, within(1e-12));
        assertThat(e.changePercent()).isCloseTo(50.0, within(1e-9));

        // a probability's change is in percentage points: (e^−2 − e^−3) × 100 = 8.555 points, +9.86 %
        RiskChange p = c.column("import_probability", false, false).get(B);
        assertThat(p.change()).isCloseTo((Math.exp(-2) - Math.exp(-3)) * 100, within(1e-9));
        assertThat(p.changePercent()).isCloseTo(100 * ((1 - Math.exp(-3)) / (1 - Math.exp(-2)) - 1), within(1e-9));
        assertThat(ChangeRule.of(RiskModel.IMPORTATION.column("import_probability").orElseThrow()).unitKey())
                .isEqualTo("analytics.change.unit.points");

        // trips: 3,000 against 2,000 into B; into C 806 against 800 — a change of 6 trips < k is not published
        Map<String, RiskChange> trips = c.column("trips_from_infected_regions", false, false);
        assertThat(trips.get(B).change()).isEqualTo(1000);
        assertThat(trips.get(C).value()).isEqualTo(806);
        assertThat(trips.get(C).baseline()).isEqualTo(800);
        assertThat(trips.get(C).changeWithheld()).isTrue();
        assertThat(trips.get(C).change()).isNaN();
        assertThat(trips.get(C).changePercent()).isNaN();
        // the model's expectation for C is not a trip figure: 0.806 against 0.8 is shown
        assertThat(c.column("expected_imported", false, false).get(C).change()).isCloseTo(0.006, within(1e-12));

        // D had no trips from A in the baseline: +1.0 imported, and no change in percent of 0 (never a made-up 0)
        RiskChange d = c.column("expected_imported", false, false).get(D);
        assertThat(d.baseline()).isZero();
        assertThat(d.change()).isCloseTo(1.0, within(1e-12));
        assertThat(d.changePercent()).isNaN();
        assertThat(trips.get(D).change()).isEqualTo(1000);
        assertThat(trips.get(D).changePercent()).isNaN();
    }

    /** A baseline bundle of 2019 with B and A in the other order, no C, and A→B 800 a day. */
    static AggregateDataset otherBundle() {
        LocalDate start = LocalDate.of(2019, 1, 1);
        Period period = new Period(start, start.plusDays(4));
        RegionTable regions = new RegionTable(List.of(
                new Region(B, "区1", "Region 1", "prefecture", "", 31, 111, 500_000),
                new Region(A, "区0", "Region 0", "prefecture", "", 30, 110, 1_000_000)));
        FlowTable.Builder t = FlowTable.builder(period, 16);
        for (int d = 0; d < period.days(); d++) {
            assertThat(t.add(d, 1, 0, 800)).isNull();
        }
        return new AggregateDataset(TestNetworks.info(period, 10), regions, t.build(), Optional.empty());
    }

    @Test
    void baselineFromAnotherBundleMatchedByCodeAndARegionItLacks() throws Exception {
        AggregateDataset data = fourDays();
        RiskOutcome run = importation(data, D0.plusDays(2), D0.plusDays(3));
        // 2020-01-03 – 04 against 2019-01-03 – 04 by date
        BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(LocalDate.of(2019, 1, 3), LocalDate.of(2019, 1, 4)), Alignment.DATE);
        RiskComparison c = RiskComparison.run(run, b, otherBundle(), null);
        assertThat(c.baseline().window()).isEqualTo(new DayWindow(2, 3, 3));
        Map<String, RiskChange> e = c.column("expected_imported", false, false);
        // B: 3.0 against 2 × 800 × 0.001 = 1.6 → +1.4, +87.5 %
        assertThat(e.get(B).baseline()).isCloseTo(1.6, within(1e-12));
        assertThat(e.get(B).change()).isCloseTo(1.4, within(1e-12));
        assertThat(e.get(B).changePercent()).isCloseTo(87.5, within(1e-9));
        // C is not in the baseline bundle: no baseline, no change, no percent
        RiskChange cc = e.get(C);
        assertThat(cc.inBaseline()).isFalse();
        assertThat(cc.value()).isCloseTo(0.806, within(1e-12));
        assertThat(cc.baseline()).isNaN();
        assertThat(cc.change()).isNaN();
        assertThat(cc.changePercent()).isNaN();
        assertThat(c.unmatched(false)).isEmpty();
    }

    @Test
    void aBaselineNotAsLongAsTheWindowOrOutsideItsBundleIsRefused() throws Exception {
        AggregateDataset data = fourDays();
        RiskOutcome run = importation(data, D0.plusDays(2), D0.plusDays(3));
        assertThatThrownBy(() -> BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(D0, D0), Alignment.DATE)).isInstanceOf(ComparisonException.class);
        BaselinePeriod outside = BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(D0.minusDays(5), D0.minusDays(4)), Alignment.DATE);
        assertThatThrownBy(() -> RiskComparison.run(run, outside, null, null))
                .isInstanceOf(ComparisonException.class)
                .satisfies(x -> assertThat(((ComparisonException) x).message().key())
                        .isEqualTo("data.compare.baselineOutside"));
    }

    @Test
    void perCapitaOfACountAndRefusalForAProbability() throws Exception {
        AggregateDataset data = fourDays();
        RiskOutcome run = importation(data, D0.plusDays(2), D0.plusDays(3));
        RiskFigures f = RiskFigures.of(run, data, "expected_imported", false, true);
        // 3.0 imported into B of 500,000 residents: 0.006 per 1,000
        assertThat(f.get(B).value()).isCloseTo(0.006, within(1e-15));
        assertThat(f.get(B).raw()).isCloseTo(3.0, within(1e-12));
        assertThat(f.perCapitaSource()).isEqualTo(PerCapita.Source.POPULATION);
        AggregateDataset withResidents = TestNetworks.withResidents(data,
                new long[]{800_000, 400_000, 1_600_000, 800_000});
        RiskOutcome run2 = importation(withResidents, D0.plusDays(2), D0.plusDays(3));
        RiskFigures g = RiskFigures.of(run2, withResidents, "expected_imported", false, true);
        assertThat(g.perCapitaSource()).isEqualTo(PerCapita.Source.RESIDENTS);
        // 0.1 % of A's 800,000 residents: 800 infected; B gets 2 × 1,500 × 0.001 = 3.0 over 400,000 residents
        assertThat(g.get(B).value()).isCloseTo(3.0 * 1000 / 400_000, within(1e-15));
        assertThatThrownBy(() -> RiskFigures.of(run, data, "import_probability", false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskFigures.of(run, data, "imported_per_100k", false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskFigures.of(run, data, "population", false, true))
                .isInstanceOf(IllegalArgumentException.class);

        // compared per capita: 0.006 against 2.0 / 500 = 0.004 per 1,000 → +0.002, +50 %
        BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(D0, D0.plusDays(1)), Alignment.DATE);
        RiskChange pc = RiskComparison.run(run, b, null, null).column("expected_imported", false, true).get(B);
        assertThat(pc.baseline()).isCloseTo(0.004, within(1e-15));
        assertThat(pc.change()).isCloseTo(0.002, within(1e-15));
        assertThat(pc.changePercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void everyColumnDeclaresWhatItsChangeMeans() {
        Map<String, Column.Quantity> expected = Map.ofEntries(
                Map.entry("import_probability", Column.Quantity.PROBABILITY),
                Map.entry("no_import_probability", Column.Quantity.PROBABILITY),
                Map.entry("imported_per_100k", Column.Quantity.RATE),
                Map.entry("trips_from_infected_regions", Column.Quantity.COUNT),
                Map.entry("effective_distance", Column.Quantity.DISTANCE),
                Map.entry("arrival_rank", Column.Quantity.RANK),
                Map.entry("observed_first_case_day", Column.Quantity.DAY),
                Map.entry("predicted_arrival_day", Column.Quantity.DAY),
                Map.entry("expected_arrival_day", Column.Quantity.DAY),
                Map.entry("peak_day", Column.Quantity.DAY),
                Map.entry("attack_rate_percent", Column.Quantity.RATE),
                Map.entry("arrival_probability", Column.Quantity.PROBABILITY),
                Map.entry("risk_index", Column.Quantity.SCORE),
                Map.entry("observed_expected_ratio", Column.Quantity.RATIO),
                Map.entry("population", Column.Quantity.POPULATION),
                Map.entry("expected_infections", Column.Quantity.COUNT));
        for (RiskModel m : RiskModel.values()) {
            for (Column c : m.columns()) {
                if (expected.containsKey(c.name())) {
                    assertThat(c.quantity()).as(m.id() + ":" + c.name()).isEqualTo(expected.get(c.name()));
                }
            }
        }
        ChangeRule attack = ChangeRule.of(RiskModel.SEIR.column("attack_rate_percent").orElseThrow());
        assertThat(attack.unitKey()).isEqualTo("analytics.change.unit.points");
        assertThat(attack.change(12, 10)).isEqualTo(2);
        assertThat(ChangeRule.of(ObservedExpected.COLUMNS.get(5)).hasPercent()).isFalse();
    }

    @Test
    void aDayIsCountedFromThePeriodsFirstDayAndHasNoPercent() {
        // hand-made effective-distance results: first case on day 5 of the period's bundle, day 1 of the baseline's
        AggregateDataset data = fourDays();
        Period p = data.info().period();
        RiskResult now = new RiskResult("effective-distance", EffectiveDistance.COLUMNS,
                List.of(new RiskRow(1, B, "b", 1, new double[]{2.5, 1, 1, 3, 3}, "", List.of())), Map.of(), 10);
        RiskResult then = new RiskResult("effective-distance", EffectiveDistance.COLUMNS,
                List.of(new RiskRow(1, B, "b", 1, new double[]{2.0, 1, 1, 0, 1}, "", List.of())), Map.of(), 10);
        RiskRequest req = RiskRequest.of(RiskModel.EFFECTIVE_DISTANCE, data).withSources(List.of(A));
        RiskOutcome a = new RiskOutcome(req, new DayWindow(2, 3, 3), new int[]{0}, now, null);
        RiskOutcome b = new RiskOutcome(req, new DayWindow(0, 1, 1), new int[]{0}, then, null);
        BaselinePeriod bp = new BaselinePeriod(new Period(p.day(2), p.day(3)), new Period(p.day(0), p.day(1)),
                new Period(p.day(0), p.day(1)), Alignment.DATE);
        RiskComparison c = RiskComparison.of(a, b, bp);
        // the baseline's first case came 0 days into its window, the period's 1 day into its window: +1 day
        RiskChange first = c.column("observed_first_case_day", false, false).get(B);
        assertThat(first.baseline()).isEqualTo(2);
        assertThat(first.change()).isEqualTo(1);
        assertThat(first.changePercent()).isNaN();
        RiskChange d = c.column("effective_distance", false, false).get(B);
        assertThat(d.change()).isCloseTo(0.5, within(1e-12));
        assertThat(d.changePercent()).isCloseTo(25, within(1e-9));
        assertThat(c.column("arrival_rank", false, false).get(B).changePercent()).isNaN();
    }

    @Test
    void provincesAreRolledUpOnEachSideThenCompared() throws Exception {
        // regions with parents: A and B in province 110000, C and D in 120000
        AggregateDataset flat = fourDays();
        RegionTable regions = new RegionTable(List.of(
                new Region(A, "区0", "Region 0", "prefecture", "110000", 30, 110, 1_000_000),
                new Region(B, "区1", "Region 1", "prefecture", "110000", 31, 111, 500_000),
                new Region(C, "区2", "Region 2", "prefecture", "120000", 32, 112, 2_000_000),
                new Region(D, "区3", "Region 3", "prefecture", "120000", 33, 113, 1_000_000)));
        AggregateDataset data = new AggregateDataset(flat.info(), regions, flat.flows(), Optional.empty());
        RiskOutcome run = importation(data, D0.plusDays(2), D0.plusDays(3));
        BaselinePeriod b = BaselinePeriod.align(RiskBaseline.travelPeriod(run),
                new Period(D0, D0.plusDays(1)), Alignment.DATE);
        Map<String, RiskChange> m = RiskComparison.run(run, b, null, null).column("import_probability", true, false);
        // province 110000: 1 − (1 − p_A)(1 − p_B) with p_A = 0: the same as B
        assertThat(m.get("110000").change()).isCloseTo((Math.exp(-2) - Math.exp(-3)) * 100, within(1e-9));
        assertThat(m).containsKeys("110000", "120000").hasSize(2);
        // 120000: expected imported C 0.806 + D 1.0 against 0.8 + 0 → +1.006, +125.75 %
        RiskChange e = RiskComparison.run(run, b, null, null).column("expected_imported", true, false).get("120000");
        assertThat(e.change()).isCloseTo(1.006, within(1e-12));
        assertThat(e.changePercent()).isCloseTo(125.75, within(1e-9));
    }

    @Test
    void casesAreReReadByDateAndCodeForAnotherBundle() {
        AggregateDataset data = fourDays();
        int[] daily = new int[4 * 4];
        daily[2 * 4] = 7;      // A, 2020-01-03
        CaseTable cases = new CaseTable(data.info().period(), data.regions(), daily, 3);
        AggregateDataset other = otherBundle();
        CaseTable moved = RiskBaseline.casesFor(cases, new Period(D0.minusDays(1), D0.plusDays(3)), other.regions());
        // the other table: 2019-12-31 – 2020-01-04 would put 2020-01-03 on day 3; regions B, A
        assertThat(moved.daily(3, 1)).isEqualTo(7);
        assertThat(moved.daily(3, 0)).isZero();
        assertThat(moved.lastReportedDay()).isEqualTo(4);
    }

    @Test
    void aWithheldTripFigureOnEitherSideWithholdsTheChange() {
        ChangeRule trips = ChangeRule.of(RiskModel.IMPORTATION.column("trips_from_infected_regions").orElseThrow());
        RiskChange c = RiskChange.of(trips, new RiskFigures.Figure(500, 500, false),
                new RiskFigures.Figure(Double.NaN, 7, true), 10);
        assertThat(c.baselineWithheld()).isTrue();
        assertThat(c.baseline()).isNaN();
        assertThat(c.changeWithheld()).isTrue();
        assertThat(c.change()).isNaN();
        assertThat(c.changePercent()).isNaN();
        assertThat(c.value()).isEqualTo(500);
        // a model output made from the same trips is not a trip figure: no k rule on its change
        ChangeRule expected = ChangeRule.of(RiskModel.IMPORTATION.column("expected_imported").orElseThrow());
        RiskChange e = RiskChange.of(expected, new RiskFigures.Figure(0.5, 0.5, false),
                new RiskFigures.Figure(0.497, 0.497, false), 10);
        assertThat(e.changeWithheld()).isFalse();
        assertThat(e.change()).isCloseTo(0.003, within(1e-12));
    }
}
