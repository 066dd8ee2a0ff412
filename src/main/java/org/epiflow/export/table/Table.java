package org.epiflow.export.table;

import java.util.List;
import java.util.Objects;

/**
 * A table to export: named columns and rows whose cells are {@link Long} figures (always shown values: sums of
 * published cells, or derived figures that passed the k rule), {@link String} text (codes, names, "&lt; k", "–"),
 * or {@link Integer} ranks.
 *
 * @param name    sheet name / short title
 * @param columns column headers
 * @param figures which columns hold trip figures (the k rule applies to them)
 * @param rows    the rows
 * @param notes   footnotes (what "–" and "&lt; k" mean)
 */
public record Table(String name, List<String> columns, List<Boolean> figures, List<List<Object>> rows,
                    List<String> notes) {
    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        figures = List.copyOf(figures);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        if (figures.size() != columns.size()) {
            throw new IllegalArgumentException("one figure flag per column");
        }
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells for " + columns.size() + " columns");
            }
        }
    }
}
