package org.epiflow.ui.detail;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.compare.BaselinePeriod;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.BaselineRequest;
import org.epiflow.ui.map.RegionSelection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7 in the detail panel: the partners table follows the map's comparison — the baseline's trips, the
 * change (marked when a day of either side had no published cell) and change in percent, per 1,000 residents, and
 * region groups as one partner — checked against sums made here from the dataset's rows, and in the words shown.
 */
class DetailComparisonTest {
    static final AggregateDataset DATA = TestDatasets.dataset(14, 10, LocalDate.of(2030, 1, 1), 9);
    static final DayRange WEEK2 = DayRange.of(7, 13);
    RegionSelection selection;
    DetailViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        vm = new DetailViewModel(Messages.of(Locale.ENGLISH), selection);
        vm.daysProperty().set(WEEK2);
    }

    static BaselineRequest baseline(boolean perCapita) throws Exception {
        Period period = new Period(TestDatasets.START.plusDays(7), TestDatasets.START.plusDays(13));
        BaselinePeriod b = BaselinePeriod.align(period, new Period(TestDatasets.START,
                TestDatasets.START.plusDays(6)), Alignment.DATE);
        return new BaselineRequest(DATA, b, DayRange.of(0, 6), FlowMeasure.CHANGE, perCapita);
    }

    /** Trips of the pair o → d over the days, and the number of those days with a published cell. */
    static long[] pair(String o, String d, DayRange days) {
        FlowTable f = DATA.flows();
        int oi = DATA.regions().indexOf(o), di = DATA.regions().indexOf(d);
        long trips = 0, n = 0;
        for (int day = days.first(); day <= days.last(); day++) {
            for (int r = f.firstRow(day); r < f.endRow(day); r++) {
                if (f.origin(r) == oi && f.destination(r) == di) {
                    trips += f.trips(r);
                    n++;
                }
            }
        }
        return new long[] {trips, n};
    }

    @Test
    void withABaselineEachPartnerHasTheBaselinesTripsAndTheChange() throws Exception {
        selection.select("310100");
        List<PartnerRow> plain = List.copyOf(vm.partners());
        assertThat(vm.comparingProperty().get()).isFalse();
        vm.baselineProperty().set(baseline(false));
        assertThat(vm.comparingProperty().get()).isTrue();
        assertThat(vm.perCapitaProperty().get()).isFalse();
        assertThat(vm.partners()).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b.total(), a.total()));
        boolean sawMark = false;
        for (PartnerRow r : vm.partners()) {
            long[] in = pair(r.code(), "310100", WEEK2), out = pair("310100", r.code(), WEEK2);
            long[] bin = pair(r.code(), "310100", DayRange.of(0, 6)), bout = pair("310100", r.code(),
                    DayRange.of(0, 6));
            assertThat(r.in()).isEqualTo(in[0]);
            assertThat(r.out()).isEqualTo(out[0]);
            assertThat(r.total()).isEqualTo(plain.stream().filter(p -> p.code().equals(r.code())).findFirst()
                    .orElseThrow().total());
            assertThat(r.baseline()).isEqualTo(bin[0] + bout[0]);
            assertThat(r.change().value()).isEqualTo(r.total() - r.baseline());
            boolean gaps = in[1] < 7 || out[1] < 7 || bin[1] < 7 || bout[1] < 7;
            assertThat(r.marked()).as(r.code()).isEqualTo(gaps);
            sawMark |= gaps;
            String change = PartnerFigures.change(r, Locale.ENGLISH);
            String sign = r.total() > r.baseline() ? "+" : "−";
            assertThat(change).startsWith(sign).endsWith(gaps ? " *" : "")
                    .contains(String.format(Locale.ENGLISH, "%,d", Math.abs(r.total() - r.baseline())));
            double pct = 100.0 * (r.total() - r.baseline()) / r.baseline();
            assertThat(PartnerFigures.percent(r, Locale.ENGLISH)).isEqualTo(sign
                    + String.format(Locale.ENGLISH, "%.1f", Math.abs(pct)) + " %");
            assertThat(PartnerFigures.per1000(r, Locale.ENGLISH)).isEqualTo("–");
        }
        assertThat(sawMark).as("the random dataset leaves some days without a cell").isTrue();
        assertThat(vm.partnersNoteProperty().get()).contains("* Some days", "below 10");
        // the comparison off again: the plain table
        vm.baselineProperty().set(null);
        assertThat(vm.comparingProperty().get()).isFalse();
        assertThat(vm.partners()).isEqualTo(plain);
        assertThat(vm.partnersNoteProperty().get()).isEmpty();
    }

    @Test
    void perCapitaGivesTripsPer1000ResidentsOfThePartner() throws Exception {
        selection.select("310100");
        vm.baselineProperty().set(new BaselineRequest(null, null, null, FlowMeasure.TRIPS, true));
        assertThat(vm.comparingProperty().get()).isFalse();
        assertThat(vm.perCapitaProperty().get()).isTrue();
        for (PartnerRow r : vm.partners()) {
            assertThat(r.change()).isNull();
            assertThat(PartnerFigures.change(r, Locale.ENGLISH)).isEmpty();
            String shown = PartnerFigures.per1000(r, Locale.ENGLISH);
            assertThat(shown).matches("\\d[\\d,]*\\.\\d\\d");
            assertThat(Double.parseDouble(shown.replace(",", ""))).isPositive();
        }
    }

    @Test
    void aGroupIsOnePartnerAndCanBeTheSelectedPlace() throws Exception {
        selection.groupsProperty().set(List.of(new RegionGroup("South 南方", List.of("420100", "440100"))));
        selection.select("310100");
        assertThat(vm.partners()).extracting(PartnerRow::code).containsExactlyInAnyOrder("South 南方", "110100");
        PartnerRow south = vm.partners().stream().filter(r -> r.code().equals("South 南方")).findFirst()
                .orElseThrow();
        assertThat(south.name()).isEqualTo("South 南方");
        long in = pair("420100", "310100", WEEK2)[0] + pair("440100", "310100", WEEK2)[0];
        long out = pair("310100", "420100", WEEK2)[0] + pair("310100", "440100", WEEK2)[0];
        assertThat(south.in()).isEqualTo(in);
        assertThat(south.out()).isEqualTo(out);
        // the group selected: its partners, its members not among them; with a baseline as well
        vm.baselineProperty().set(baseline(true));
        selection.select("South 南方");
        assertThat(vm.partners()).extracting(PartnerRow::code).containsExactlyInAnyOrder("110100", "310100");
        assertThat(vm.partners()).allSatisfy(r -> {
            assertThat(r.change()).isNotNull();
            assertThat(PartnerFigures.per1000(r, Locale.ENGLISH)).isNotEqualTo("–");
        });
    }
}
