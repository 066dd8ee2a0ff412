package org.epiflow.ui.compare;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.compare.Alignment;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.Period;
import org.epiflow.ui.i18n.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison panel's rules: the baseline follows the period, is aligned, checked and described. */
class ComparisonViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(30, 10, LocalDate.of(2030, 1, 1), 3);
    static final OpenedBundle BUNDLE = new OpenedBundle(Path.of("a.epiflow"), null, "key", "FP-A", DATA);
    Messages messages = Messages.of(Locale.ENGLISH);
    ComparisonViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ComparisonViewModel(messages);
        vm.currentProperty().set(BUNDLE);
        vm.bundles().add(BUNDLE);
        vm.periodProperty().set(DATA.info().period());
        vm.daysProperty().set(DayRange.of(14, 20));   // 2020-01-24 … 2020-01-30
    }

    @Test
    void offByDefaultAndThenTheDaysJustBefore() {
        assertThat(vm.requestProperty().get()).isNull();
        vm.enabledProperty().set(true);
        var b = vm.alignedProperty().get();
        assertThat(b.period()).isEqualTo(new Period(LocalDate.of(2020, 1, 24), LocalDate.of(2020, 1, 30)));
        assertThat(b.baseline()).isEqualTo(new Period(LocalDate.of(2020, 1, 17), LocalDate.of(2020, 1, 23)));
        var r = vm.requestProperty().get();
        assertThat(r.baselineDays()).isEqualTo(DayRange.of(7, 13));
        assertThat(r.measure()).isEqualTo(FlowMeasure.CHANGE);
        assertThat(r.baselineData()).isSameAs(DATA);
        assertThat(vm.descriptionProperty().get())
                .isEqualTo("Baseline 2020-01-17 – 2020-01-23 (7 days), aligned by date");
        messages.setLocale(Messages.CHINESE);
        assertThat(vm.descriptionProperty().get()).isEqualTo("基期 2020-01-17 至 2020-01-23（7 天），按日期对齐");
    }

    @Test
    void theBaselineMovesWithThePeriodDuringPlayback() {
        vm.enabledProperty().set(true);
        vm.daysProperty().set(DayRange.of(15, 21));
        assertThat(vm.alignedProperty().get().baseline().start()).isEqualTo(LocalDate.of(2020, 1, 18));
        assertThat(vm.requestProperty().get().baselineDays()).isEqualTo(DayRange.of(8, 14));
    }

    @Test
    void weekdayAlignmentMovesTheBaselineAndSaysSo() {
        vm.enabledProperty().set(true);
        vm.setBaselineStart(LocalDate.of(2020, 1, 15));   // 9 days earlier: Wednesday against Friday
        vm.alignmentProperty().set(Alignment.WEEKDAY);
        var b = vm.alignedProperty().get();
        assertThat(b.baseline().start()).isEqualTo(LocalDate.of(2020, 1, 17));
        assertThat(b.baseline().start().getDayOfWeek()).isEqualTo(b.period().start().getDayOfWeek());
        assertThat(vm.descriptionProperty().get()).contains("moved from 2020-01-15 – 2020-01-21");
    }

    @Test
    void aBaselineOutsideTheBundleIsRefusedSayingWhyAndTheMapShowsThePeriodAlone() {
        vm.enabledProperty().set(true);
        vm.setBaselineStart(LocalDate.of(2019, 12, 1));
        assertThat(vm.alignedProperty().get()).isNull();
        assertThat(vm.requestProperty().get()).isNull();
        assertThat(vm.problemProperty().get()).contains("2019-12-01").contains("not in the baseline bundle");
        messages.setLocale(Messages.CHINESE);
        assertThat(vm.problemProperty().get()).contains("2019-12-01").doesNotContain("baseline bundle");
    }

    @Test
    void anotherBundleOfAnotherGeographyIsRefused() {
        BundleInfo i = DATA.info();
        AggregateDataset provinces = new AggregateDataset(new BundleInfo("other", i.issuer(), i.created(), i.period(),
                i.timeResolution(), "province", i.measures(), i.k(), i.roundingBase(), i.purpose(), i.expires()),
                DATA.regions(), DATA.flows(), DATA.residents());
        OpenedBundle other = new OpenedBundle(Path.of("b.epiflow"), null, "key", "FP-B", provinces);
        vm.bundles().add(other);
        vm.enabledProperty().set(true);
        vm.baselineBundleProperty().set(other);
        assertThat(vm.requestProperty().get()).isNull();
        assertThat(vm.problemProperty().get()).contains("province").contains("same geography");
        vm.bundles().remove(other);
        assertThat(vm.baselineBundleProperty().get()).as("a closed bundle is no longer the baseline").isNull();
        assertThat(vm.requestProperty().get()).isNotNull();
    }

    @Test
    void perCapitaAloneNeedsNoBaseline() {
        vm.perCapitaProperty().set(true);
        var r = vm.requestProperty().get();
        assertThat(r.baseline()).isNull();
        assertThat(r.measure()).isEqualTo(FlowMeasure.TRIPS);
        assertThat(r.perCapita()).isTrue();
    }

    @Test
    void aYearEarlierAlignsByTheLunarNewYear() {
        vm.enabledProperty().set(true);
        vm.yearBefore();
        assertThat(vm.alignmentProperty().get()).isEqualTo(Alignment.LUNAR_NEW_YEAR);
        // 2019's festival is outside this 30-day bundle: refused with the reason
        assertThat(vm.problemProperty().get()).contains("not in the baseline bundle");
    }
}
