package org.epiflow.analytics;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.util.List;

/**
 * A risk request was refused before anything ran: every problem with its inputs, as messages (out-of-range
 * parameters, unknown regions, missing case data, windows outside the bundle's period).
 */
public final class RiskInputException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient List<Message> problems;

    public RiskInputException(List<Message> problems) {
        super(english(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem given");
        }
        this.problems = List.copyOf(problems);
    }

    public RiskInputException(Message problem) {
        this(List.of(problem));
    }

    /** Every problem, in the order found. */
    public List<Message> problems() {
        return problems;
    }

    /** The first problem alone, or "N problems: first" when there are several. */
    @Override
    public Message message() {
        return problems.size() == 1 ? problems.get(0)
                : Message.of("analytics.input.several", problems.size(), problems.get(0));
    }

    private static String english(List<Message> problems) {
        StringBuilder b = new StringBuilder();
        for (Message m : problems) {
            b.append(b.length() == 0 ? "" : "; ").append(m.english());
        }
        return b.toString();
    }
}
