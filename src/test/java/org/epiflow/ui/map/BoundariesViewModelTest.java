package org.epiflow.ui.map;

import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.Legend;
import org.epiflow.map.Language;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.UiFixtures;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

class BoundariesViewModelTest {
    AppPreferences prefs;
    UiFixtures.RecordingDialogs dialogs;
    UiFixtures.ScriptedFiles files;
    SimpleObjectProperty<BasemapGeometry> basemap;
    BoundariesViewModel vm;

    @BeforeEach
    void setUp() {
        prefs = new AppPreferences(UiFixtures.prefsNode());
        dialogs = new UiFixtures.RecordingDialogs();
        files = new UiFixtures.ScriptedFiles();
        basemap = new SimpleObjectProperty<>();
        vm = new BoundariesViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), dialogs, files,
                prefs, basemap);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        prefs.node().removeNode();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(BoundariesViewModelTest.class.getResource("/boundaries/" + name).toURI());
    }

    @Test
    void startsWithTheIllustrativeBoundariesAndSaysSo() {
        vm.load();
        assertThat(basemap.get().basemap().officialSource()).isEmpty();
        assertThat(vm.noteProperty().get()).startsWith("Illustrative boundaries");
        assertThat(Legend.boundaryNote(Language.EN, null)).contains("Illustrative boundaries");
    }

    @Test
    void officialBoundariesAreDrawnRememberedAndNamed() throws Exception {
        vm.load();
        files.answers.add(fixture("gd_3857.shp"));
        vm.chooseAndLoad();
        assertThat(basemap.get().basemap().officialSource()).contains("gd_3857.shp");
        assertThat(vm.noteProperty().get()).isEqualTo("Boundaries: gd_3857.shp");
        assertThat(basemap.get().basemap().prefectures(LevelOfDetail.DETAIL).contains("440100")).isTrue();
        assertThat(prefs.officialBoundaries()).contains(fixture("gd_3857.shp"));
        assertThat(dialogs.errors).isEmpty();

        // Next start: remembered.
        SimpleObjectProperty<BasemapGeometry> next = new SimpleObjectProperty<>();
        new BoundariesViewModel(Messages.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(), dialogs, files, prefs,
                next).load();
        assertThat(next.get().basemap().officialSource()).contains("gd_3857.shp");

        vm.useIllustrative();
        assertThat(basemap.get().basemap().officialSource()).isEmpty();
        assertThat(prefs.officialBoundaries()).isEmpty();
    }

    @Test
    void badFileIsReportedAndNothingChanges() throws Exception {
        vm.load();
        BasemapGeometry before = basemap.get();
        vm.loadOfficial(fixture("bad_nodbf.shp"));
        assertThat(basemap.get()).isSameAs(before);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(String.join(" ", dialogs.errors.get(0))).contains(".dbf");
        assertThat(prefs.officialBoundaries()).isEmpty();
    }

    @Test
    void bundleRegionsWithoutBoundaryAreListed() throws Exception {
        vm.load();
        AggregateDataset data = TestDatasets.dataset(2, 10, LocalDate.of(2099, 1, 1), 1);
        vm.datasetProperty().set(data);
        assertThat(vm.warningProperty().get()).doesNotContain("420100").doesNotContain("440100");
        vm.loadOfficial(fixture("gd_3857.shp"));
        assertThat(vm.warningProperty().get()).contains("420100").contains("drawn as points")
                .doesNotContain("440100");
    }
}
