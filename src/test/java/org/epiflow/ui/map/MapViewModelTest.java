package org.epiflow.ui.map;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.DayRange;
import org.epiflow.data.Direction;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MapViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(10, 10, LocalDate.of(2030, 1, 1), 3);
    MapRenderWorker worker;
    RegionSelection selection;
    MapViewModel vm;

    @BeforeEach
    void setUp() {
        worker = new MapRenderWorker();
        selection = new RegionSelection();
        selection.datasetProperty().set(DATA);
        vm = new MapViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), worker, selection);
        vm.resize(320, 200);
        vm.daysProperty().set(DayRange.of(0));
        vm.datasetProperty().set(DATA);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    private int flowsShown() {
        return vm.frameProperty().get().flows().size();
    }

    /**
     * The window settles its columns after the first layout (the legend column appears beside the map): the map
     * first got the whole width, then a narrower one, and kept the first centre and scale, so the east coast was cut
     * off at start. While the view is the whole-China fit, every new size fits China again; after a pan it does not.
     */
    @Test
    void aNarrowerMapStillShowsAllOfChinaUntilTheUserMovesIt() {
        vm.resize(1200, 700);
        vm.resize(470, 700);
        assertThat(vm.viewportProperty().get().metresPerPixel())
                .isEqualTo(org.epiflow.map.MapViewport.china(470, 700).metresPerPixel());
        assertThat(vm.viewportProperty().get().centerX())
                .isEqualTo(org.epiflow.map.MapViewport.china(470, 700).centerX());
        vm.pan(40, 0);
        double scale = vm.viewportProperty().get().metresPerPixel();
        vm.resize(900, 700);
        assertThat(vm.viewportProperty().get().metresPerPixel()).isEqualTo(scale);
        vm.zoomToFit();
        vm.resize(600, 500);
        assertThat(vm.viewportProperty().get().metresPerPixel())
                .isEqualTo(org.epiflow.map.MapViewport.china(600, 500).metresPerPixel());
    }

    @Test
    void drawsAFrameOfTheViewportSize() {
        assertThat(vm.frameProperty().get().pixels().length).isGreaterThanOrEqualTo(320 * 200);
    }

    @Test
    void topNLimitsTheFlows() {
        vm.filters().topNProperty().set(3);
        assertThat(flowsShown()).isEqualTo(3);
    }

    @Test
    void summarySaysHowManyOfHowMany() {
        vm.filters().topNProperty().set(3);
        assertThat(vm.summaryProperty().get())
                .matches("Showing 3 of \\d+ flows( between provinces; zoom in for prefectures)?");
    }

    @Test
    void minimumVolumeDropsSmallFlows() {
        vm.filters().topNProperty().set(0);
        vm.filters().minVolumeProperty().set(4000);
        var f = vm.frameProperty().get().flows();
        assertThat(f.minVolume()).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void outgoingShowsOnlyFlowsFromTheSelection() {
        vm.filters().directionProperty().set(Direction.OUTGOING);
        selection.select("420100");
        var f = vm.frameProperty().get().flows();
        int wuhan = f.nodes().indexOf("420100");
        for (int i = 0; i < f.size(); i++) {
            assertThat(f.origin(i)).isEqualTo(wuhan);
        }
    }

    @Test
    void provinceRollUpChangesTheNodes() {
        vm.filters().provincesProperty().set(true);
        assertThat(vm.frameProperty().get().flows().nodes().level())
                .isEqualTo(org.epiflow.data.FlowNodes.Level.PROVINCE);
    }

    @Test
    void lockedScaleStaysWhenTheDayChanges() {
        vm.filters().lockScaleProperty().set(true);
        var before = vm.frameProperty().get().scene().scale();
        vm.daysProperty().set(DayRange.of(5));
        assertThat(vm.frameProperty().get().scene().scale().max()).isEqualTo(before.max());
    }

    @Test
    void tooltipShowsTheFiguresOfAPlace() {
        vm.filters().autoProvincesProperty().set(false);
        assertThat(vm.describe("420100")).startsWith("Wuhan, Hubei (420100)\nIn: ");
    }

    @Test
    void tooltipShowsTheProvinceWhenRolledUp() {
        vm.filters().provincesProperty().set(true);
        assertThat(vm.describe("420100")).contains("(420000)").contains("In: ");
    }

    @Test
    void panMovesTheViewport() {
        var before = vm.viewportProperty().get();
        vm.pan(10, 0);
        assertThat(vm.viewportProperty().get().centerX()).isLessThan(before.centerX());
    }

    @Test
    void zoomToFitShowsChina() {
        vm.zoom(4);
        vm.zoomToFit();
        assertThat(vm.viewportProperty().get())
                .isEqualTo(org.epiflow.map.MapViewport.china(320, 200));
    }
}
