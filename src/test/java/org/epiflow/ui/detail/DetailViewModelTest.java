package org.epiflow.ui.detail;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.RegionSelection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DetailViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(14, 10, LocalDate.of(2030, 1, 1), 9);
    RegionSelection selection;
    DetailViewModel vm;

    @BeforeEach
    void setUp() {
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        vm = new DetailViewModel(Messages.of(Locale.ENGLISH), selection);
        vm.daysProperty().set(DayRange.of(0, 6));
    }

    @Test
    void nothingSelectedShowsAHint() {
        assertThat(vm.titleProperty().get()).isEqualTo("No place selected");
    }

    @Test
    void selectionShowsItsName() {
        selection.select("310100");
        assertThat(vm.titleProperty().get()).isEqualTo("Shanghai (310100)");
    }

    @Test
    void seriesCoversThePeriodDaily() {
        selection.select("310100");
        assertThat(vm.series()).hasSize(14);
    }

    @Test
    void weeklySeriesHasIsoWeeks() {
        selection.select("310100");
        vm.weeklyProperty().set(true);
        // 2020-01-10 (Fri) … 2020-01-23 (Thu): weeks of 01-06, 01-13, 01-20
        assertThat(vm.series()).extracting(SeriesPoint::label).containsExactly("01-06", "01-13", "01-20");
    }

    @Test
    void partnersAreListedByTotal() {
        selection.select("310100");
        assertThat(vm.partners()).isSortedAccordingTo((a, b) -> Long.compare(b.total(), a.total()));
    }

    @Test
    void inflowIsTheSumOverTheDaysShown() {
        selection.select("310100");
        long expected = 0;
        var s = org.epiflow.data.RegionSeries.of(DATA, 1);
        for (int d = 0; d <= 6; d++) {
            expected += s.inflow(d);
        }
        assertThat(vm.inflowProperty().get()).isEqualTo(String.format(Locale.ENGLISH, "%,d", expected));
    }

    @Test
    void netBelowKIsNotShownAsANumber() {
        assertThat(org.epiflow.ui.i18n.Figures.net(org.epiflow.data.Suppressed.derived(7, 10), Locale.ENGLISH))
                .isEqualTo("< 10");
    }

    @Test
    void countBelowKIsNotShownAsANumber() {
        assertThat(org.epiflow.ui.i18n.Figures.count(0, 10, Locale.ENGLISH)).isEqualTo("< 10");
    }
}
