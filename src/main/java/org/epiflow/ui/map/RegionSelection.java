package org.epiflow.ui.map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.data.FlowNodes;
import org.epiflow.map.geo.Basemap;
import org.epiflow.map.geo.LevelOfDetail;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.text.Typography;

import java.util.ArrayList;
import java.util.List;

/**
 * The selected place, shared by the map, the search box and the detail panel: a region code, or a province code when
 * the flows are rolled up to provinces. Empty string = nothing selected.
 *
 * <p>More places can be added to the selection (Ctrl+click on the map, {@link #toggle}): {@link #code()} stays the
 * place selected first (the detail panel's), {@link #codesProperty()} holds all of them, first one first, and the
 * flow map filters by all of them ({@link #allRegionIndexes()}), e.g. the flows between the selected places.
 */
public final class RegionSelection {
    private final StringProperty code = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<String>> codes =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());
    private boolean updating;

    public RegionSelection() {
        code.addListener((o, a, b) -> {
            if (!updating) {
                codes.set(b == null || b.isEmpty() ? List.of() : List.of(b));
            }
        });
    }

    /** Every selected code, the first-selected ({@link #code()}) first; empty when nothing is selected. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<String>> codesProperty() {
        return codes.getReadOnlyProperty();
    }

    /** Every selected code, the first-selected first. */
    public List<String> codes() {
        return codes.get();
    }

    /**
     * Adds a place to the selection, or takes it out when it is in it (Ctrl+click). Taking out the first-selected
     * place makes the next one first.
     */
    public void toggle(String c) {
        if (c == null || c.isEmpty()) {
            return;
        }
        List<String> next = new ArrayList<>(codes());
        if (!next.remove(c)) {
            next.add(c);
        }
        selectAll(next);
    }

    /** Selects these places, the first of them first (an empty list clears the selection). */
    public void selectAll(List<String> cs) {
        List<String> next = new ArrayList<>(new java.util.LinkedHashSet<>(cs.stream()
                .filter(s -> s != null && !s.isEmpty()).toList()));
        codes.set(List.copyOf(next));
        updating = true;
        try {
            code.set(next.isEmpty() ? "" : next.get(0));
        } finally {
            updating = false;
        }
    }
    private final ObjectProperty<AggregateDataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Basemap> basemap = new SimpleObjectProperty<>();

    public StringProperty codeProperty() {
        return code;
    }

    private final ObjectProperty<List<org.epiflow.data.RegionGroup>> groups = new SimpleObjectProperty<>(List.of());

    /** The region groups shown as one node each (their names are selectable codes). */
    public ObjectProperty<List<org.epiflow.data.RegionGroup>> groupsProperty() {
        return groups;
    }

    public ObjectProperty<AggregateDataset> datasetProperty() {
        return dataset;
    }

    /** The basemap, for the names of provinces (and regions the bundle lacks); may be null. */
    public ObjectProperty<Basemap> basemapProperty() {
        return basemap;
    }

    public String code() {
        return code.get() == null ? "" : code.get();
    }

    public boolean isEmpty() {
        return code().isEmpty();
    }

    /** Selects one place alone (empty: nothing). */
    public void select(String c) {
        selectAll(c == null || c.isEmpty() ? List.of() : List.of(c));
    }

    public void clear() {
        selectAll(List.of());
    }

    /**
     * The region-table indexes of every selected place (see {@link #regionIndexes(String)}), sorted, without
     * repeats: what the flow map filters by.
     */
    public int[] allRegionIndexes() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (String c : codes()) {
            for (int i : regionIndexes(c)) {
                all.add(i);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The region-table indexes the first-selected place stands for: the region itself, or every region of a province. */
    public int[] regionIndexes() {
        return regionIndexes(code());
    }

    /**
     * The region-table indexes a code stands for: the region itself, every region of a province, or every member
     * of a region group shown as one node.
     */
    public int[] regionIndexes(String c) {
        AggregateDataset d = dataset.get();
        if (d == null || c == null || c.isEmpty()) {
            return new int[0];
        }
        int i = d.regions().indexOf(c);
        if (i >= 0) {
            return new int[] {i};
        }
        List<Integer> out = new ArrayList<>();
        var g = groups.get();
        if (g != null) {
            for (org.epiflow.data.RegionGroup group : g) {
                if (group.name().equals(c)) {
                    for (String m : group.codes()) {
                        int r = d.regions().indexOf(m);
                        if (r >= 0) {
                            out.add(r);
                        }
                    }
                    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
                }
            }
        }
        for (int r = 0; r < d.regions().size(); r++) {
            Region region = d.regions().get(r);
            if (c.equals(FlowNodes.provinceCodeOf(region))) {
                out.add(r);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Display name of a code: the dataset's region, else the basemap's province or prefecture (a roll-up), else the
     * code itself.
     */
    public String name(String c, boolean chinese) {
        AggregateDataset d = dataset.get();
        if (c == null || c.isEmpty()) {
            return c == null ? "" : c;
        }
        int i = d == null ? -1 : d.regions().indexOf(c);
        if (i >= 0) {
            Region r = d.regions().get(i);
            return Typography.forDisplay(chinese ? r.name() : r.nameEn());
        }
        Basemap b = basemap.get();
        if (b != null) {
            var lod = LevelOfDetail.DETAIL;
            var r = b.provinces(lod).byCode(c).or(() -> b.prefectures(lod).byCode(c));
            if (r.isPresent()) {
                String zh = r.get().nameZh(), en = r.get().nameEn();
                String name = chinese ? zh : en;
                return Typography.forDisplay(name == null || name.isBlank() ? (chinese ? en : zh) : name);
            }
        }
        return c;
    }

    /** The province code of a region code of the dataset (itself when it is a province or unknown). */
    public String provinceOf(String c) {
        AggregateDataset d = dataset.get();
        if (d == null || c == null) {
            return c;
        }
        return d.regions().byCode(c).map(FlowNodes::provinceCodeOf).orElse(c);
    }
}
