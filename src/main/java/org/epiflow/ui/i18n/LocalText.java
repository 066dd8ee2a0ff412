package org.epiflow.ui.i18n;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import org.epiflow.text.Message;

/**
 * A string property of a view-model that remembers the {@link Message} it shows, so the text follows a change of
 * language ({@link Messages#setLocale}). {@link #show} sets a message; a plain {@link #set(String)} (data such as a
 * file name, or an empty text) forgets it.
 */
public final class LocalText extends SimpleStringProperty {
    private final Messages messages;
    private final InvalidationListener relocalize = o -> again();
    private Message message;

    LocalText(Messages messages) {
        super("");
        this.messages = messages;
        messages.localeProperty().addListener(new WeakInvalidationListener(relocalize));
    }

    /** Shows {@code key} with {@code args} in the user's language. */
    public void show(String key, Object... args) {
        show(Message.of(key, args));
    }

    /** Shows a message in the user's language (null: empty). */
    public void show(Message m) {
        message = m;
        super.set(m == null ? "" : messages.format(m));
    }

    /** Empties the text. */
    public void clear() {
        show((Message) null);
    }

    /** The message shown, or null when the text is data or empty. */
    public Message message() {
        return message;
    }

    @Override
    public void set(String value) {
        message = null;
        super.set(value == null ? "" : value);
    }

    private void again() {
        if (message != null) {
            super.set(messages.format(message));
        }
    }
}
