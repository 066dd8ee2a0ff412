package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.List;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/** Checks a table's header line against the columns format v1 declares for it. */
final class CsvHeader {
    private CsvHeader() {
    }

    /** Splits a header line; quotes around a name are removed. */
    static List<String> columns(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split(",", -1)) {
            String t = c.trim();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Records a problem unless the header is exactly the declared columns.
     *
     * @return whether rows can be parsed
     */
    static boolean check(String line, TableSpec spec, List<String> manifestColumns, ProblemLog problems) {
        List<String> cols = columns(line);
        String table = spec.fileName();
        for (String c : cols) {
            if (!spec.columns().contains(c) && TableSpec.looksLikeIdentifier(c)) {
                problems.aggregate(Rule.IDENTIFIER_COLUMN, Message.of("bundle.aggregate.identifierColumn", table, c));
                return false;
            }
        }
        for (String c : cols) {
            if (!spec.columns().contains(c)) {
                problems.aggregate(Rule.UNDECLARED_COLUMN, Message.of("bundle.aggregate.undeclaredColumn", table, c,
                        String.join(",", spec.columns())));
                return false;
            }
        }
        if (!cols.equals(spec.columns())) {
            problems.aggregate(Rule.MISSING_COLUMN, Message.of("bundle.aggregate.columns", table,
                    String.join(",", spec.columns()), String.join(",", cols)));
            return false;
        }
        if (manifestColumns != null && !manifestColumns.equals(cols)) {
            problems.manifest(Message.of("bundle.manifest.columns", table, String.join(",", manifestColumns),
                    String.join(",", cols)));
        }
        return true;
    }
}
