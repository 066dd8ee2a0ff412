package org.epiflow.analytics.cases;

import java.util.List;

/** A case file was refused; {@link #problems()} names the line, the column and what is wrong for each problem. */
public final class CaseImportException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One problem in the file.
     *
     * @param line    1-based line number (the header is line 1; 0 for the file as a whole)
     * @param column  the column's name, or the empty string
     * @param message what is wrong
     */
    public record Problem(int line, String column, String message) {
        @Override
        public String toString() {
            String where = line > 0 ? "line " + line + (column.isEmpty() ? "" : ", column '" + column + "'") : "file";
            return where + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public CaseImportException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        StringBuilder b = new StringBuilder("cannot read cases from ").append(source).append(": ");
        int shown = Math.min(problems.size(), 10);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > shown) {
            b.append("; and ").append(problems.size() - shown).append(" more");
        }
        return b.toString();
    }
}
