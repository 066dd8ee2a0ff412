package org.epiflow.export;

import org.epiflow.map.ChoroplethLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A heatmap as an export draws it: the choropleth painted on the map (values per region or province, breaks,
 * colours, marks for sources and regions without a figure, optional density surface) and its legend as the screen
 * shows it — rows from the top (highest class first, then the marks and "no value"), each a label and a swatch —
 * with an optional note (how provinces were rolled up, the model, the date it is as of).
 *
 * @param layer  what is painted; its title heads the legend block
 * @param legend the legend rows, top to bottom
 * @param note   a line of small print under the rows (may be empty)
 */
public record ExportHeatmap(ChoroplethLayer layer, List<Row> legend, String note) {
    /**
     * One legend row.
     *
     * @param label   the text
     * @param argb    the swatch's colour
     * @param hatched whether the swatch is hatched (regions whose trips were all suppressed)
     */
    public record Row(String label, int argb, boolean hatched) {
        public static Row of(String label, int argb) {
            return new Row(label, argb, false);
        }
    }

    public ExportHeatmap {
        Objects.requireNonNull(layer, "layer");
        legend = List.copyOf(legend);
        note = note == null ? "" : note;
    }

    public String title() {
        return layer.title();
    }

    /** The rows of the layer's marks that occur, then "no value": the same rows as the screen's legend. */
    public static List<Row> markRows(ChoroplethLayer layer, String source, String suppressed, String noValue) {
        List<Row> rows = new ArrayList<>();
        if (layer.marks().containsValue(ChoroplethLayer.Mark.SOURCE)) {
            rows.add(Row.of(source, ChoroplethLayer.SOURCE_FILL));
        }
        if (layer.marks().containsValue(ChoroplethLayer.Mark.SUPPRESSED)) {
            rows.add(new Row(suppressed, ChoroplethLayer.NO_VALUE_FILL, true));
        }
        rows.add(Row.of(noValue, ChoroplethLayer.NO_VALUE_FILL));
        return rows;
    }
}
