package org.epiflow.ui.risk;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.analytics.Column;
import org.epiflow.analytics.Driver;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.analytics.importation.ImportationRisk;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.Region;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.MapViewModel;
import org.epiflow.ui.map.RegionSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The ranking table of a run: sources first (marked, not ranked), then the regions most exposed first, with the
 * figure the heatmap shows, its interval where the model gives one, and the main sources; linked both ways to the
 * shared region selection.
 */
public final class RankingViewModel {
    private final Messages messages;
    private final RegionSelection selection;
    private final MapViewModel map;
    private final HeatmapViewModel heatmap;
    private final ObservableList<RankingRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RankingRow> selected = new SimpleObjectProperty<>();
    private boolean linking;

    public RankingViewModel(Messages messages, RegionSelection selection, MapViewModel map, HeatmapViewModel heatmap) {
        this.messages = messages;
        this.selection = selection;
        this.map = map;
        this.heatmap = heatmap;
    }

    /** Refills the table from the run for the heatmap's measure. */
    public void fill(RiskRun r) {
        List<RankingRow> out = new ArrayList<>();
        if (r != null) {
            RiskResult res = r.result();
            HeatmapMeasure m = heatmap.measureProperty().get();
            int rank = 0;
            for (RiskRow row : res.rows()) {
                boolean source = RiskResult.SOURCE.equals(row.flag());
                out.add(new RankingRow(source ? 0 : ++rank, row.code(), regionName(r.data(), row.region()),
                        value(r, m, row), interval(res, m, row), drivers(r.data(), row), flagText(row.flag())));
            }
        }
        RankingRow keep = selected.get();
        rows.setAll(out);
        if (keep != null) {
            selectionChanged(keep.code());
        }
    }

    private String value(RiskRun r, HeatmapMeasure m, RiskRow row) {
        RiskResult res = r.result();
        if (RiskResult.SOURCE.equals(row.flag())) {
            return messages.get("risk.ranking.source");
        }
        if (ImportationRisk.SUPPRESSED.equals(row.flag())) {
            return messages.get("risk.ranking.suppressed");
        }
        if (m == null) {
            return "";
        }
        if (heatmap.comparedProperty().get() != null) {
            // the compared figure the map shows (region by region; rolled up to provinces the map has no region's)
            String f = heatmap.comparedFigure(row.code());
            var mark = heatmap.comparedProperty().get().layer().marks().get(row.code());
            return f != null ? f : mark == org.epiflow.map.ChoroplethLayer.Mark.SUPPRESSED
                    ? messages.get("risk.ranking.suppressed") : "";
        }
        if (m.isForecast()) {
            return heatmap.format(HeatmapViewModel.forecastValue(r.forecast(), heatmap.forecastDayProperty().get(),
                    row.region()), null);
        }
        double v = row.value(m.column());
        return res.withheld(row, m.column()) ? "< " + res.k() : Double.isNaN(v) ? ""
                : heatmap.format(v, res.columns().get(m.column()));
    }

    /** "lower – upper" when the result has {@code <column>_lower} and {@code <column>_upper}. */
    private String interval(RiskResult res, HeatmapMeasure m, RiskRow row) {
        if (m == null || m.isForecast() || heatmap.comparedProperty().get() != null) {
            return "";
        }
        Column c = res.columns().get(m.column());
        OptionalInt lo = res.column(c.name() + "_lower");
        OptionalInt hi = res.column(c.name() + "_upper");
        if (lo.isEmpty() || hi.isEmpty() || Double.isNaN(row.value(lo.getAsInt()))) {
            return "";
        }
        return heatmap.format(row.value(lo.getAsInt()), c) + " – " + heatmap.format(row.value(hi.getAsInt()), c);
    }

    private String flagText(String flag) {
        if (flag == null || flag.isEmpty() || flag.contains(">")) {
            return flag == null ? "" : flag;
        }
        String key = "risk.flag." + flag;
        return messages.has(key) ? messages.get(key) : flag;
    }

    private String regionName(AggregateDataset data, int i) {
        Region reg = data.regions().get(i);
        String n = messages.chinese() ? reg.name() : reg.nameEn();
        return n == null || n.isBlank() ? reg.code() : n;
    }

    private String drivers(AggregateDataset data, RiskRow row) {
        List<String> parts = new ArrayList<>();
        for (Driver d : row.drivers()) {
            parts.add(messages.get("risk.driver", regionName(data, d.region()),
                    String.format(Locale.ROOT, "%.0f", 100 * d.share())));
        }
        return String.join(messages.chinese() ? "；" : "; ", parts);
    }

    /** A row was chosen in the table: select its region on the map and zoom to it. */
    public void select(RankingRow row) {
        if (linking) {
            return;
        }
        linking = true;
        try {
            selected.set(row);
            if (row != null) {
                selection.select(row.code());
                map.zoomToSelection();
            }
        } finally {
            linking = false;
        }
    }

    /** The shared selection changed: select the matching row, if any. */
    public void selectionChanged(String code) {
        RankingRow found = null;
        for (RankingRow r : rows) {
            if (r.code().equals(code)) {
                found = r;
                break;
            }
        }
        boolean was = linking;
        linking = true;
        try {
            selected.set(found);
        } finally {
            linking = was;
        }
    }

    public ObservableList<RankingRow> rows() {
        return rows;
    }

    public ObjectProperty<RankingRow> selectedProperty() {
        return selected;
    }
}
