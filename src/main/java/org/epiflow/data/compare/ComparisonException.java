package org.epiflow.data.compare;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/** A period and a baseline cannot be compared as asked; the message says why and what to change. */
public final class ComparisonException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public ComparisonException(Message message) {
        super(message.english());
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
