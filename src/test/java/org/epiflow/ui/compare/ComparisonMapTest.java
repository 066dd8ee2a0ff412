package org.epiflow.ui.compare;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.data.RegionGroup;
import org.epiflow.map.FlowMeasure;
import org.epiflow.map.FlowValues;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapRenderWorker;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel's choices reach the map: its frames carry the comparison, groups as one node, the split view's twin. */
class ComparisonMapTest {
    static final AggregateDataset DATA = TestDatasets.dataset(30, 10, LocalDate.of(2030, 1, 1), 3);
    static final OpenedBundle BUNDLE = new OpenedBundle(Path.of("a.epiflow"), null, "key", "FP-A", DATA);
    Messages messages = Messages.of(Locale.ENGLISH);
    MapRenderWorker worker = new MapRenderWorker();
    RegionSelection selection = new RegionSelection();
    MapViewModel map;
    ComparisonViewModel cmp;
    SplitViewModel split;

    @BeforeEach
    void setUp() {
        var exec = new CurrentThreadTaskExecutor();
        selection.datasetProperty().set(DATA);
        map = new MapViewModel(messages, exec, worker, selection);
        map.filters().autoProvincesProperty().set(false);
        map.filters().topNProperty().set(0);
        map.resize(400, 300);
        map.daysProperty().set(DayRange.of(14, 20));
        map.datasetProperty().set(DATA);
        cmp = new ComparisonViewModel(messages);
        cmp.currentProperty().set(BUNDLE);
        cmp.bundles().add(BUNDLE);
        cmp.periodProperty().set(DATA.info().period());
        cmp.daysProperty().bind(map.daysProperty());
        map.baselineProperty().bind(cmp.mapRequestProperty());
        split = new SplitViewModel(messages, exec, map, cmp);
    }

    @AfterEach
    void tearDown() {
        worker.close();
        split.close();
    }

    @Test
    void theMapDrawsTheChangeAgainstTheBaselineAndTheLegendSaysSo() {
        assertThat(map.frameProperty().get().scene().comparison()).isNull();
        cmp.enabledProperty().set(true);
        var c = map.frameProperty().get().scene().comparison();
        assertThat(c).isNotNull();
        assertThat(c.measure()).isEqualTo(FlowMeasure.CHANGE);
        assertThat(c.baseline().baseline().start()).isEqualTo(LocalDate.of(2020, 1, 17));
        assertThat(map.legendProperty().get().notes()).anySatisfy(n -> assertThat(n).contains("2020-01-17"));
        cmp.measureProperty().set(FlowMeasure.CHANGE_PERCENT);
        assertThat(map.legendProperty().get().flows()).anySatisfy(e -> assertThat(e.label()).contains("%"));
        cmp.measureProperty().set(FlowMeasure.BASELINE);
        assertThat(map.frameProperty().get().scene().comparison().measure()).isEqualTo(FlowMeasure.BASELINE);
        cmp.enabledProperty().set(false);
        assertThat(map.frameProperty().get().scene().comparison()).isNull();
    }

    @Test
    void theBetweenFilterAppliesToTheComparison() {
        cmp.enabledProperty().set(true);
        map.filters().directionProperty().set(Direction.BETWEEN);
        selection.selectAll(List.of("420100", "440100"));
        var c = map.frameProperty().get().scene().comparison();
        FlowValues v = c.flows();
        assertThat(v.size()).isBetween(1, 2);
        for (int i = 0; i < v.size(); i++) {
            var arcs = v.arcs();
            assertThat(List.of("420100", "440100")).contains(arcs.nodes().code(arcs.origin(i)),
                    arcs.nodes().code(arcs.destination(i)));
        }
    }

    @Test
    void aGroupIsOneNodeOfTheFlowsAndSelectableByItsName() {
        selection.groupsProperty().set(List.of(new RegionGroup("South 南方", List.of("420100", "440100"))));
        var flows = map.frameProperty().get().flows();
        assertThat(flows.nodes().indexOf("South 南方")).isNotNegative();
        assertThat(flows.nodes().indexOf("420100")).isNegative();
        selection.select("South 南方");
        map.filters().directionProperty().set(Direction.OUTGOING);
        var out = map.frameProperty().get().flows();
        int g = out.nodes().indexOf("South 南方");
        assertThat(out.size()).isPositive();
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.origin(i)).isEqualTo(g);
        }
    }

    @Test
    void perCapitaAloneDrawsTripsPerThousandResidents() {
        cmp.perCapitaProperty().set(true);
        var c = map.frameProperty().get().scene().comparison();
        assertThat(c.measure()).isEqualTo(FlowMeasure.TRIPS);
        assertThat(c.perCapita()).isNotNull();
        assertThat(map.legendProperty().get().notes()).anySatisfy(n -> assertThat(n).contains("residents"));
    }

    @Test
    void theSplitViewShowsTheBaselineBesideThePeriodMovingTogether() {
        cmp.enabledProperty().set(true);
        cmp.splitProperty().set(true);
        assertThat(split.shownProperty().get()).isTrue();
        map.zoom(1.7);
        split.baseline().resize(300, 300);   // its canvas is laid out after the split is shown
        assertThat(split.baseline().viewportProperty().get().metresPerPixel()).as("the left map's place at once")
                .isEqualTo(map.viewportProperty().get().metresPerPixel());
        assertThat(map.frameProperty().get().scene().comparison()).as("the left map shows its own trips").isNull();
        var right = split.baseline().frameProperty().get();
        assertThat(right.flows().spec().days()).isEqualTo(DayRange.of(7, 13));
        assertThat(split.periodTitleProperty().get()).isEqualTo("Period 2020-01-24 – 2020-01-30");
        assertThat(split.baselineTitleProperty().get()).isEqualTo("Baseline 2020-01-17 – 2020-01-23, aligned by date");
        // one scale for both maps
        assertThat(map.frameProperty().get().scene().scale().max())
                .isEqualTo(split.baseline().frameProperty().get().scene().scale().max());
        // pan and zoom follow
        map.pan(50, 20);
        map.zoom(2);
        map.settle();
        assertThat(split.baseline().viewportProperty().get().centerX()).isEqualTo(map.viewportProperty().get().centerX());
        assertThat(split.baseline().viewportProperty().get().metresPerPixel())
                .isEqualTo(map.viewportProperty().get().metresPerPixel());
        // and back: the right-hand map moves the left one
        split.baseline().pan(-30, 0);
        assertThat(map.viewportProperty().get().centerX())
                .isEqualTo(split.baseline().viewportProperty().get().centerX());
        // selection both ways; playback moves the baseline too
        selection.select("420100");
        assertThat(split.baseline().selection().codes()).containsExactly("420100");
        split.baseline().selection().toggle("440100");
        assertThat(selection.codes()).containsExactly("420100", "440100");
        map.daysProperty().set(DayRange.of(15, 21));
        assertThat(split.baseline().frameProperty().get().flows().spec().days()).isEqualTo(DayRange.of(8, 14));
        cmp.splitProperty().set(false);
        assertThat(split.shownProperty().get()).isFalse();
        assertThat(map.frameProperty().get().scene().comparison()).isNotNull();
    }
}
