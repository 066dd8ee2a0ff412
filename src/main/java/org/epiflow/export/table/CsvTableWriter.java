package org.epiflow.export.table;

import org.epiflow.text.CsvCell;
import org.epiflow.export.Trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a table as UTF-8 CSV (RFC 4180 quoting, with a byte-order mark so Excel reads Chinese): first the trace and
 * notes as lines starting with {@code #} (read with {@code comment='#'} in pandas, or skip them), then the header
 * row and the rows. Figures are plain integers without grouping.
 */
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    public static void write(Table t, Trace trace, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        for (Map.Entry<String, String> e : trace.fields().entrySet()) {
            w.write(CsvCell.commentLine("# " + e.getKey() + ": " + e.getValue()) + "\r\n");
        }
        for (String n : t.notes()) {
            w.write(CsvCell.commentLine("# " + n) + "\r\n");
        }
        line(w, List.copyOf(t.columns()));
        for (List<Object> r : t.rows()) {
            line(w, r);
        }
        w.flush();
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object cell = cells.get(i);
            w.write(cell instanceof Number ? String.valueOf(cell) : quote(CsvCell.neutralise(String.valueOf(cell))));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                && !s.startsWith("#")) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
