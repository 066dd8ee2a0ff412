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
 */
public final class RegionSelection {
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<AggregateDataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Basemap> basemap = new SimpleObjectProperty<>();

    public StringProperty codeProperty() {
        return code;
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

    public void select(String c) {
        code.set(c == null ? "" : c);
    }

    public void clear() {
        code.set("");
    }

    /** The region-table indexes the selection stands for: the region itself, or every region of a province. */
    public int[] regionIndexes() {
        AggregateDataset d = dataset.get();
        String c = code();
        if (d == null || c.isEmpty()) {
            return new int[0];
        }
        int i = d.regions().indexOf(c);
        if (i >= 0) {
            return new int[] {i};
        }
        List<Integer> out = new ArrayList<>();
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
