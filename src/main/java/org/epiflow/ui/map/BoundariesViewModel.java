package org.epiflow.ui.map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epiflow.map.BasemapGeometry;
import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.BasemapLoader;
import org.epiflow.map.geo.BoundaryImportException;
import org.epiflow.map.geo.BoundaryImporter;
import org.epiflow.map.geo.ImportOptions;
import org.epiflow.map.geo.ImportedBoundaries;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.map.geo.RegionJoin;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which boundaries the map draws: the bundled illustrative ones, or a bureau's own official boundaries (GeoJSON or
 * Shapefile, any common CRS) loaded from a file and remembered for the next start. Also says which regions of the
 * shown bundle have no boundary (they are drawn as points at their coordinates).
 */
public final class BoundariesViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final FileChooserService files;
    private final AppPreferences prefs;
    private final ObjectProperty<BasemapGeometry> basemap;
    private final ObjectProperty<AggregateDataset> dataset = new SimpleObjectProperty<>();
    private final org.epiflow.ui.i18n.LocalText warning;
    private final org.epiflow.ui.i18n.LocalText note;
    private Basemap illustrative;

    public BoundariesViewModel(Messages messages, TaskExecutor executor, DialogService dialogs,
                               FileChooserService files, AppPreferences prefs, ObjectProperty<BasemapGeometry> basemap) {
        this.messages = messages;
        this.warning = messages.text();
        this.note = messages.text();
        this.executor = executor;
        this.dialogs = dialogs;
        this.files = files;
        this.prefs = prefs;
        this.basemap = basemap;
        dataset.addListener((o, a, d) -> updateWarning());
        messages.localeProperty().addListener((o, a, l) -> updateWarning());   // region names in the new language
        basemap.addListener((o, a, b) -> {
            updateWarning();
            note.show(b == null ? null : b.basemap().officialSource()
                    .map(src -> org.epiflow.text.Message.of("boundaries.note.official", src))
                    .orElse(org.epiflow.text.Message.of("boundaries.note.illustrative")));
        });
    }

    /** Loads the bundled basemap and, when one was remembered, the official boundaries, in the background. */
    public void load() {
        Path remembered = prefs.officialBoundaries().filter(Files::isRegularFile).orElse(null);
        executor.execute(ctx -> {
            Basemap base = BasemapLoader.loadFromClasspath();
            if (remembered != null) {
                try {
                    return new Loaded(base, withOfficial(base, remembered), null);
                } catch (BoundaryImportException e) {
                    return new Loaded(base, base, e.message());
                }
            }
            return new Loaded(base, base, null);
        }, TaskCallbacks.<Loaded>of(l -> {
            illustrative = l.illustrative();
            basemap.set(new BasemapGeometry(l.shown()));
            if (l.problem() != null) {
                dialogs.showError(messages.get("boundaries.title"), messages.get("boundaries.rememberedFailed"),
                        messages.format(l.problem()), null);
            }
        }, e -> warning.show("map.basemapFailed", org.epiflow.text.Problems.of(e))));
    }

    private record Loaded(Basemap illustrative, Basemap shown, org.epiflow.text.Message problem) {
    }

    /** Asks for a boundary file and, if it imports, draws and remembers it. */
    public void chooseAndLoad() {
        files.openFile(messages.get("boundaries.choose"), prefs.officialBoundaries().map(Path::getParent).orElse(null),
                messages.get("boundaries.filter"), "*.geojson", "*.json", "*.shp").ifPresent(this::loadOfficial);
    }

    /** Imports {@code file} in the background; on success draws it and remembers it. */
    public void loadOfficial(Path file) {
        Basemap base = illustrative;
        if (base == null) {
            return;
        }
        executor.execute(ctx -> {
            ImportedBoundaries imported = BoundaryImporter.importFile(file, ImportOptions.auto());
            return new Imported(base.withOfficialBoundaries(imported.layer(), file.getFileName().toString()),
                    imported.warnings());
        }, TaskCallbacks.<Imported>of(i -> {
            Basemap b = i.basemap();
            prefs.setOfficialBoundaries(file);
            basemap.set(new BasemapGeometry(b));
            StringBuilder text = new StringBuilder(messages.get("boundaries.loaded", file.getFileName().toString(),
                    b.prefectures(LevelOfDetail.DETAIL).size()));
            for (org.epiflow.text.Message w : i.warnings()) {
                text.append("\n\n").append(messages.format(w));
            }
            if (!warning.get().isEmpty()) {
                text.append("\n\n").append(warning.get());
            }
            dialogs.showInfo(messages.get("boundaries.title"), text.toString());
        }, e -> dialogs.showError(messages.get("boundaries.title"), messages.get("boundaries.failed",
                file.getFileName().toString()), messages.describe(e), null)));
    }

    /** Goes back to the bundled illustrative boundaries and forgets the official file. */
    public void useIllustrative() {
        prefs.setOfficialBoundaries(null);
        if (illustrative != null) {
            basemap.set(new BasemapGeometry(illustrative));
        }
    }

    private record Imported(Basemap basemap, List<org.epiflow.text.Message> warnings) {
    }

    private static Basemap withOfficial(Basemap base, Path file) throws BoundaryImportException {
        ImportedBoundaries imported = BoundaryImporter.importFile(file, ImportOptions.auto());
        return base.withOfficialBoundaries(imported.layer(), file.getFileName().toString());
    }

    private void updateWarning() {
        AggregateDataset d = dataset.get();
        BasemapGeometry b = basemap.get();
        if (d == null || b == null) {
            warning.clear();
            return;
        }
        List<RegionJoin.RegionRef> refs = new ArrayList<>();
        for (Region r : d.regions().all()) {
            refs.add(new RegionJoin.RegionRef(r.code(), r.lon(), r.lat()));
        }
        RegionJoin.Result join = RegionJoin.join(refs, b.basemap().prefectures(LevelOfDetail.DETAIL),
                b.basemap().provinces(LevelOfDetail.DETAIL));
        List<String> codes = join.unmatchedCodes();
        if (codes.isEmpty()) {
            warning.clear();
            return;
        }
        // name each region (in the user's language when the bundle has it), with its code
        List<org.epiflow.text.Message> named = new ArrayList<>();
        for (String c : codes.subList(0, Math.min(12, codes.size()))) {
            Region r = d.regions().get(d.regions().indexOf(c));
            String zh = blank(r.name()) ? r.nameEn() : r.name();
            String en = blank(r.nameEn()) ? r.name() : r.nameEn();
            String name = messages.chinese() ? zh : en;
            named.add(org.epiflow.text.Message.of("boundaries.unmatched.region", blank(name) ? c : name, c));
        }
        warning.show(codes.size() > 12 ? "boundaries.unmatched.more" : "boundaries.unmatched", codes.size(), named);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The bundle shown (its regions are joined to the boundaries by code). */
    public ObjectProperty<AggregateDataset> datasetProperty() {
        return dataset;
    }

    /** The small print always shown on the map: illustrative boundaries, or the official file in use. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    /** Non-empty when regions of the shown bundle match no boundary (listed by code). */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }
}
