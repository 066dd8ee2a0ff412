package org.epiflow.analytics.compare;

import org.epiflow.analytics.Column;
import org.epiflow.analytics.RiskResult;
import org.epiflow.analytics.RiskRow;
import org.epiflow.text.CsvCell;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison written out for {@code epiflow risk --baseline-from … --baseline-to …}: the period's table exactly as
 * without a baseline (rank, code, name, the model's columns, flag, drivers), then for every column
 * {@code <column>_baseline}, {@code <column>_change} and {@code <column>_change_percent}. A figure that is not
 * published is {@code <k}, a missing one empty (a region the baseline lacks, a baseline of 0 for the percent, a
 * column without a change in percent) — never a made-up 0. The baseline's day columns are counted from the period's
 * first day (see {@link ChangeRule}).
 */
public final class RiskComparisonTable {
    private RiskComparisonTable() {
    }

    /** The extra column names of a column, in order. */
    public static List<String> extraColumns(Column c) {
        return List.of(c.name() + "_baseline", c.name() + "_change", c.name() + "_change_percent");
    }

    /** Each column compared per region, in the period's column order. */
    static List<Map<String, RiskChange>> compared(RiskComparison c) {
        List<Map<String, RiskChange>> out = new ArrayList<>();
        for (Column col : c.period().result().columns()) {
            out.add(c.column(col.name(), false, false));
        }
        return out;
    }

    /** CSV (RFC 4180, UTF-8 text). */
    public static void writeCsv(RiskComparison c, Writer out) throws IOException {
        RiskResult r = c.period().result();
        int k = Math.max(r.k(), c.baseline().result().k());
        List<Map<String, RiskChange>> cols = compared(c);
        StringBuilder b = new StringBuilder("rank,code,name");
        for (Column col : r.columns()) {
            b.append(',').append(col.name());
        }
        b.append(",flag,drivers");
        for (Column col : r.columns()) {
            for (String x : extraColumns(col)) {
                b.append(',').append(x);
            }
        }
        b.append('\n');
        for (RiskRow row : r.rows()) {
            int rank = r.rank(row);
            b.append(rank == 0 ? "" : Integer.toString(rank)).append(',').append(CsvCell.text(row.code())).append(',')
                    .append(CsvCell.text(row.name()));
            for (int i = 0; i < r.columns().size(); i++) {
                b.append(',').append(r.display(row, i));
            }
            b.append(',').append(CsvCell.text(row.flag())).append(',').append(CsvCell.text(RiskResult.drivers(row)));
            for (int i = 0; i < r.columns().size(); i++) {
                RiskChange ch = cols.get(i).get(row.code());
                b.append(',').append(text(ch, 1, k)).append(',').append(text(ch, 2, k)).append(',')
                        .append(text(ch, 3, k));
            }
            b.append('\n');
            if (b.length() > 1 << 16) {
                out.write(b.toString());
                b.setLength(0);
            }
        }
        out.write(b.toString());
        out.flush();
    }

    /** The text of one measure (1 baseline, 2 change, 3 change in percent): {@code <k}, empty, or the number. */
    public static String text(RiskChange ch, int which, int k) {
        if (ch == null) {
            return "";
        }
        if (which < 3 && ch.withheld(which)) {
            return "<" + k;
        }
        return RiskResult.number(ch.measure(which));
    }

    /**
     * The period's JSON tree with, in every row, the extra figures (null when missing, {@code "<k"} when not
     * published) and a {@code baseline} block: its days, the alignment, the days it moved and its bundle.
     */
    public static Map<String, Object> toJsonTree(RiskComparison c, String baselineBundleId) {
        RiskResult r = c.period().result();
        int k = Math.max(r.k(), c.baseline().result().k());
        Map<String, Object> root = r.toJsonTree();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("from", c.aligned().baseline().start().toString());
        base.put("to", c.aligned().baseline().end().toString());
        base.put("requestedFrom", c.aligned().requested().start().toString());
        base.put("requestedTo", c.aligned().requested().end().toString());
        base.put("alignment", c.aligned().alignment().cliName());
        base.put("shiftDays", c.aligned().shiftDays());
        base.put("bundle", baselineBundleId);
        base.put("description", c.aligned().describe().english());
        base.put("inputs", c.baseline().result().inputs().stream().map(org.epiflow.text.Message::english).toList());
        Map<String, String> units = new LinkedHashMap<>();
        for (Column col : r.columns()) {
            units.put(col.name() + "_change", org.epiflow.text.Message.of(ChangeRule.of(col).unitKey()).english());
        }
        base.put("changeUnits", units);
        root.put("baseline", base);
        List<Map<String, RiskChange>> cols = compared(c);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) root.get("rows");
        for (Map<String, Object> row : rows) {
            String code = (String) row.get("code");
            for (int i = 0; i < r.columns().size(); i++) {
                RiskChange ch = cols.get(i).get(code);
                List<String> names = extraColumns(r.columns().get(i));
                for (int w = 1; w <= 3; w++) {
                    row.put(names.get(w - 1), json(ch, w, k));
                }
            }
        }
        return root;
    }

    private static Object json(RiskChange ch, int which, int k) {
        if (ch == null) {
            return null;
        }
        if (which < 3 && ch.withheld(which)) {
            return "<" + k;
        }
        double v = ch.measure(which);
        return Double.isFinite(v) ? v : null;
    }
}
