package org.epiflow.analytics.cases;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.util.List;

/**
 * A case file was refused; {@link #problems()} names the line, the column and what is wrong for each problem, as
 * messages ({@code cases.*} in the analytics catalogue).
 */
public final class CaseImportException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    /**
     * One problem in the file.
     *
     * @param line    1-based line number (the header is line 1; 0 for the file as a whole)
     * @param column  the column's name, or the empty string
     * @param message what is wrong
     */
    public record Problem(int line, String column, Message message) {
        /** What is wrong and where: {@code line 3, column region: unknown region '777777'}. */
        public Message located() {
            if (line <= 0) {
                return Message.of("cases.at.file", message);
            }
            return column.isEmpty() ? Message.of("cases.at.line", line, message)
                    : Message.of("cases.at.cell", line, column, message);
        }

        @Override
        public String toString() {
            return located().english();
        }
    }

    private final transient List<Problem> problems;
    private final transient Message message;

    public CaseImportException(String source, List<Problem> problems) {
        this(summary(source, problems), problems);
    }

    private CaseImportException(Message message, List<Problem> problems) {
        super(message.english());
        this.message = message;
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public Message message() {
        return message;
    }

    private static Message summary(String source, List<Problem> problems) {
        return problems.size() == 1 ? Message.of("cases.refused.one", source, problems.get(0).located())
                : Message.of("cases.refused.many", source, problems.size(), problems.get(0).located());
    }
}
