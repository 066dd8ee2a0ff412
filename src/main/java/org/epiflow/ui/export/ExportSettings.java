package org.epiflow.ui.export;

import org.epiflow.export.ExportFormat;
import org.epiflow.export.ExportOptions;
import org.epiflow.export.Paper;
import org.epiflow.map.Language;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The export settings remembered between runs, in a {@link Preferences} node (like {@code AppPreferences}). Titles
 * are not remembered (they belong to a view); the marking, sizes, layers and choices are.
 */
final class ExportSettings {
    private final Preferences node;

    ExportSettings(Preferences node) {
        this.node = node;
    }

    /** Fills the view-model's settings from the node (missing or bad values keep the defaults). */
    void restore(ExportViewModel vm) {
        vm.formatProperty().set(parse(ExportFormat.class, stored("format", ""), vm.formatProperty().get()));
        vm.sizeModeProperty().set(parse(PageSettings.SizeMode.class, stored("sizeMode", ""),
                vm.sizeModeProperty().get()));
        vm.paperProperty().set(parse(Paper.class, stored("paper", ""), vm.paperProperty().get()));
        vm.landscapeProperty().set(node.getBoolean("landscape", vm.landscapeProperty().get()));
        vm.dpiProperty().set(node.getInt("dpi", vm.dpiProperty().get()));
        vm.widthProperty().set(node.getInt("width", vm.widthProperty().get()));
        vm.heightProperty().set(node.getInt("height", vm.heightProperty().get()));
        vm.flowsProperty().set(node.getBoolean("flows", vm.flowsProperty().get()));
        vm.heatmapProperty().set(node.getBoolean("heatmap", vm.heatmapProperty().get()));
        vm.symbolsProperty().set(node.getBoolean("symbols", vm.symbolsProperty().get()));
        vm.labelsProperty().set(node.getBoolean("labels", vm.labelsProperty().get()));
        vm.currentExtentProperty().set(node.getBoolean("currentExtent", vm.currentExtentProperty().get()));
        vm.filtersProperty().set(node.getBoolean("filters", vm.filtersProperty().get()));
        vm.selectedRegionProperty().set(node.getBoolean("selectedRegion", vm.selectedRegionProperty().get()));
        vm.datesProperty().set(parse(ContentSettings.Dates.class, stored("dates", ""), vm.datesProperty().get()));
        vm.markingProperty().set(stored("marking", vm.markingProperty().get()));
        vm.languageProperty().set(parse(Language.class, stored("language", ""), vm.languageProperty().get()));
        vm.tableProperty().set(parse(ExportOptions.TableKind.class, stored("table", ""), vm.tableProperty().get()));
        vm.delayProperty().set(node.getInt("delay", vm.delayProperty().get()));
        vm.folderProperty().set(stored("folder", vm.folderProperty().get()));
    }

    /** Stores the view-model's settings. */
    void save(ExportViewModel vm) {
        node.put("format", vm.formatProperty().get().name());
        node.put("sizeMode", vm.sizeModeProperty().get().name());
        node.put("paper", vm.paperProperty().get().name());
        node.putBoolean("landscape", vm.landscapeProperty().get());
        node.putInt("dpi", vm.dpiProperty().get());
        node.putInt("width", vm.widthProperty().get());
        node.putInt("height", vm.heightProperty().get());
        node.putBoolean("flows", vm.flowsProperty().get());
        node.putBoolean("heatmap", vm.heatmapProperty().get());
        node.putBoolean("symbols", vm.symbolsProperty().get());
        node.putBoolean("labels", vm.labelsProperty().get());
        node.putBoolean("currentExtent", vm.currentExtentProperty().get());
        node.putBoolean("filters", vm.filtersProperty().get());
        node.putBoolean("selectedRegion", vm.selectedRegionProperty().get());
        node.put("dates", vm.datesProperty().get().name());
        node.put("marking", vm.markingProperty().get() == null ? "" : vm.markingProperty().get());
        node.put("language", vm.languageProperty().get().name());
        node.put("table", vm.tableProperty().get().name());
        node.putInt("delay", vm.delayProperty().get());
        if (vm.folderProperty().get() != null) {
            node.put("folder", vm.folderProperty().get());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // kept in memory for this run
        }
    }

    /** A stored string (named so the message-key check does not take preference keys for message keys). */
    private String stored(String key, String fallback) {
        return node.get(key, fallback);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v, E fallback) {
        try {
            return v == null || v.isBlank() ? fallback : Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
