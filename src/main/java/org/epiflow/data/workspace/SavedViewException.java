package org.epiflow.data.workspace;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/** A saved view that cannot be read: not JSON, an unknown version, a field with a bad value. */
public final class SavedViewException extends IllegalArgumentException implements Localized {
    private final transient Message message;

    public SavedViewException(Message message) {
        super(message.english());
        this.message = message;
    }

    public SavedViewException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
