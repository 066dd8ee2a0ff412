package org.epiflow.export;

import org.epiflow.map.ChoroplethLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A heatmap as an export draws it: the choropleth painted on the map (values per region or province, breaks,
 * colours, marks for sources and regions without a figure, optional density surface) and its legend as the screen
 * shows it — rows from the top (highest class first, then the marks and "no value"), each a label and a swatch —
 * with an optional note (how provinces were rolled up, the model, the date it is as of, then the run's inputs:
 * windows, as-of date, parameters — issue 14, "every forecast states its inputs … in the export footer").
 *
 * @param layer  what is painted; its title heads the legend block
 * @param legend the legend rows, top to bottom
 * @param note   small print under the rows, one line per {@code \n} (the legend wraps each line to its width; the
 *               slide's notes carry it as it is); may be empty
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

    /** The note's lines, or none. */
    public List<String> noteLines() {
        return note.isEmpty() ? List.of() : List.of(note.split("\n"));
    }

    /**
     * The note for a run: {@code first} (roll-up, model, as-of; may be empty), then each of the run's inputs on a
     * line of its own.
     */
    public static String note(String first, List<String> inputs) {
        List<String> lines = new ArrayList<>();
        if (!first.isEmpty()) {
            lines.add(first);
        }
        for (String s : inputs) {
            if (!s.isBlank()) {
                lines.add(s.replace('\n', ' '));
            }
        }
        return String.join("\n", lines);
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
