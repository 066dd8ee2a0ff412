package org.epiflow.ui.compare;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.RegionGroup;
import org.epiflow.data.compare.Alignment;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.map.FlowMeasure;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved views carry the comparison, per-capita and the groups shown, and give them back through the JSON. */
class ComparisonCaptureTest {
    static final AggregateDataset DATA = TestDatasets.dataset(30, 10, LocalDate.of(2030, 1, 1), 3);
    static final OpenedBundle BUNDLE = new OpenedBundle(Path.of("a.epiflow"), null, "key", "FP-A", DATA);
    Messages messages = Messages.of(Locale.ENGLISH);

    private record Panel(ComparisonViewModel cmp, RegionGroupsViewModel groups, ComparisonCapture capture) {
    }

    private Panel panel() {
        RegionSelection sel = new RegionSelection();
        sel.datasetProperty().set(DATA);
        ComparisonViewModel cmp = new ComparisonViewModel(messages);
        cmp.currentProperty().set(BUNDLE);
        cmp.bundles().add(BUNDLE);
        cmp.periodProperty().set(DATA.info().period());
        cmp.daysProperty().set(DayRange.of(14, 20));
        RegionGroupsViewModel g = new RegionGroupsViewModel(messages, new CurrentThreadTaskExecutor(),
                new org.epiflow.ui.util.FileChooserService() {
                    @Override
                    public Optional<Path> openFile(String t, Path i, String f, String... e) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Path> saveFile(String t, Path i, String f, String... e) {
                        return Optional.empty();
                    }
                }, sel);
        return new Panel(cmp, g, new ComparisonCapture(cmp, g));
    }

    @Test
    void aComparisonWithGroupsSurvivesTheSavedViewJson() {
        Panel a = panel();
        a.groups().add("South", List.of("420100", "440100"));
        a.cmp().enabledProperty().set(true);
        a.cmp().setBaselineStart(LocalDate.of(2020, 1, 15));
        a.cmp().alignmentProperty().set(Alignment.WEEKDAY);
        a.cmp().measureProperty().set(FlowMeasure.CHANGE_PERCENT);
        a.cmp().perCapitaProperty().set(true);
        ViewDefinition.Comparison c = a.capture().capture();
        assertThat(c.baselineFrom()).isEqualTo(LocalDate.of(2020, 1, 15));
        assertThat(c.baselineTo()).isEqualTo(LocalDate.of(2020, 1, 21));
        assertThat(c.alignment()).isEqualTo("weekday");
        assertThat(c.measure()).isEqualTo("change_percent");
        assertThat(c.groups()).containsExactly(new ViewDefinition.Group("South", List.of("420100", "440100")));

        String json = ViewDefinition.of(null, null, new ViewDefinition.Filters(200, 0, "BOTH", false, true),
                new ViewDefinition.Layers(false, true, false, true, true), null, List.of(), null)
                .withComparison(c).toJson();
        ViewDefinition back = ViewDefinition.parse(json);

        Panel b = panel();
        b.capture().apply(back.comparison());
        assertThat(b.cmp().enabledProperty().get()).isTrue();
        assertThat(b.cmp().alignedProperty().get().baseline().start()).as("aligned by weekday")
                .isEqualTo(LocalDate.of(2020, 1, 17));
        assertThat(b.cmp().measureProperty().get()).isEqualTo(FlowMeasure.CHANGE_PERCENT);
        assertThat(b.cmp().perCapitaProperty().get()).isTrue();
        assertThat(b.groups().onMapProperty().get()).containsExactly(new RegionGroup("South",
                List.of("420100", "440100")));

        b.capture().apply(null);
        assertThat(b.cmp().enabledProperty().get()).isFalse();
        assertThat(b.groups().onMapProperty().get()).isEmpty();
        assertThat(b.capture().capture()).isNull();
    }

    @Test
    void aBaselineBundleThatIsNotOpenIsSaid() {
        Panel p = panel();
        p.capture().apply(new ViewDefinition.Comparison(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 7),
                new ViewDefinition.Bundle("other-bundle", "FP-X", "/data/other.epiflow"), "date", "change", false,
                List.of()));
        assertThat(p.cmp().enabledProperty().get()).isFalse();
        assertThat(p.cmp().problemProperty().get()).contains("other-bundle").contains("not open");
    }
}
