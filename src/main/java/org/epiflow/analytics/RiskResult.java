package org.epiflow.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a risk model returns: one row per region, most exposed first, with the same figures the app shows.
 *
 * <p>The k rule: a bundle publishes no trip count below k. Columns marked {@link Column#flowDerived()} re-publish
 * trip counts, so {@link #display(RiskRow, int)} withholds any such value strictly between 0 and k (shown as
 * {@code <k}); model outputs (probabilities, expectations, distances) are published as they are.
 */
public final class RiskResult {
    private final String model;
    private final List<Column> columns;
    private final List<RiskRow> rows;
    private final Map<String, Object> summary;
    private final int k;
    private final List<org.epiflow.text.Message> inputs;

    /** As {@link #RiskResult(String, List, List, Map, int, List)} without a statement of the inputs. */
    public RiskResult(String model, List<Column> columns, List<RiskRow> rows, Map<String, Object> summary, int k) {
        this(model, columns, rows, summary, k, List.of());
    }

    /**
     * @param model   the model's name ({@code importation}, {@code effective-distance}, {@code seir},
     *                {@code observed-expected})
     * @param columns the figures of each row
     * @param rows    the rows, in any order (sorted here by risk, then code)
     * @param summary model-level figures (fitted parameters, parameters used), in order
     * @param k       the bundle's suppression threshold
     * @param inputs  what the run was made with (window, as-of date, parameters), as messages for people
     */
    public RiskResult(String model, List<Column> columns, List<RiskRow> rows, Map<String, Object> summary, int k,
                      List<org.epiflow.text.Message> inputs) {
        this.model = Objects.requireNonNull(model, "model");
        this.columns = List.copyOf(columns);
        for (RiskRow r : rows) {
            if (r.values().length != this.columns.size()) {
                throw new IllegalArgumentException("row " + r.code() + " has " + r.values().length + " values for "
                        + this.columns.size() + " columns");
            }
        }
        List<RiskRow> sorted = new ArrayList<>(rows);
        sorted.sort(BY_RISK);
        this.rows = List.copyOf(sorted);
        this.summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        this.k = k;
        this.inputs = List.copyOf(inputs);
    }

    /** What the run was made with: travel window, as-of date, parameters (for the app, CLI and export footers). */
    public List<org.epiflow.text.Message> inputs() {
        return inputs;
    }

    /** The flag of a row that is a source of the spread: listed first and not ranked. */
    public static final String SOURCE = "source";

    /** The rank of a row: 1 = most exposed; 0 for a source, which is not ranked. */
    public int rank(RiskRow row) {
        if (SOURCE.equals(row.flag())) {
            return 0;
        }
        int r = 0;
        for (RiskRow x : rows) {
            if (!SOURCE.equals(x.flag())) {
                r++;
            }
            if (x == row) {
                return r;
            }
        }
        return 0;
    }

    /** Sources first (not ranked), then most exposed first; NaN risks last; ties by region code. */
    public static final Comparator<RiskRow> BY_RISK = (a, b) -> {
        boolean sa = "source".equals(a.flag());
        boolean sb = "source".equals(b.flag());
        if (sa != sb) {
            return sa ? -1 : 1;
        }
        boolean na = Double.isNaN(a.risk());
        boolean nb = Double.isNaN(b.risk());
        if (na != nb) {
            return na ? 1 : -1;
        }
        int c = na ? 0 : Double.compare(b.risk(), a.risk());
        return c != 0 ? c : a.code().compareTo(b.code());
    };

    public String model() {
        return model;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Rows sorted most exposed first. */
    public List<RiskRow> rows() {
        return rows;
    }

    public Map<String, Object> summary() {
        return summary;
    }

    public int k() {
        return k;
    }

    /** Index of the column called {@code name}. */
    public OptionalInt column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The row of region {@code code}, if any. */
    public java.util.Optional<RiskRow> row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** True when column {@code col} of {@code row} must not be published (a trip figure between 0 and k). */
    public boolean withheld(RiskRow row, int col) {
        double v = row.value(col);
        return columns.get(col).flowDerived() && v > 0 && v < k;
    }

    /** The published text of a value: empty for NaN, {@code <k} when withheld, else a plain number. */
    public String display(RiskRow row, int col) {
        if (withheld(row, col)) {
            return "<" + k;
        }
        return number(row.value(col));
    }

    /** A figure as the CSV writes it: empty for NaN, whole numbers without a point, else up to 12 digits. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.12g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** The drivers as {@code code:share%;code:share%}. */
    public static String drivers(RiskRow row) {
        StringBuilder b = new StringBuilder();
        for (Driver d : row.drivers()) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(d.code()).append(':').append(String.format(Locale.ROOT, "%.1f%%", 100 * d.share()));
        }
        return b.toString();
    }

    /** CSV (RFC 4180, UTF-8 text): rank, code, name, the model's columns, flag, drivers. */
    public void writeCsv(Writer out) throws IOException {
        StringBuilder b = new StringBuilder("rank,code,name");
        for (Column c : columns) {
            b.append(',').append(c.name());
        }
        b.append(",flag,drivers\n");
        int rank = 1;
        for (RiskRow r : rows) {
            boolean source = SOURCE.equals(r.flag());
            b.append(source ? "" : Integer.toString(rank++)).append(',').append(csv(r.code())).append(',').append(csv(r.name()));
            for (int i = 0; i < columns.size(); i++) {
                b.append(',').append(display(r, i));
            }
            b.append(',').append(csv(r.flag())).append(',').append(csv(drivers(r))).append('\n');
            if (b.length() > 1 << 16) {
                out.write(b.toString());
                b.setLength(0);
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private static String csv(String s) {
        return org.epiflow.text.CsvCell.text(s);
    }

    /** The result as a JSON tree: model, k, summary, columns (with descriptions) and rows. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("k", k);
        root.put("summary", summary);
        root.put("inputs", inputs.stream().map(org.epiflow.text.Message::english).toList());
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("trips", c.flowDerived());
            cols.add(m);
        }
        root.put("columns", cols);
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 1;
        for (RiskRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", SOURCE.equals(r.flag()) ? null : rank++);
            m.put("code", r.code());
            m.put("name", r.name());
            for (int i = 0; i < columns.size(); i++) {
                double v = r.value(i);
                m.put(columns.get(i).name(), withheld(r, i) ? "<" + k : Double.isFinite(v) ? v : null);
            }
            m.put("flag", r.flag());
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Driver d : r.drivers()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("code", d.code());
                dm.put("share", d.share());
                ds.add(dm);
            }
            m.put("drivers", ds);
            out.add(m);
        }
        root.put("rows", out);
        return root;
    }

    /** Pretty-printed JSON of {@link #toJsonTree()}. */
    public void writeJson(Writer out) throws IOException {
        new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writerWithDefaultPrettyPrinter().writeValue(out, toJsonTree());
    }
}
