package org.epiflow.ui.i18n;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epiflow.text.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of {@link Message}s a view-model shows (problems found in a file, say) and its words in the user's
 * language, {@link #strings()}, which are formatted again when the language changes.
 */
public final class LocalTexts {
    private final Messages messages;
    private final List<Message> source = new ArrayList<>();
    private final ObservableList<String> strings = FXCollections.observableArrayList();
    private final InvalidationListener relocalize = o -> again();

    LocalTexts(Messages messages) {
        this.messages = messages;
        messages.localeProperty().addListener(new WeakInvalidationListener(relocalize));
    }

    /** Replaces the messages. */
    public void setAll(Collection<Message> all) {
        source.clear();
        source.addAll(all);
        again();
    }

    /** Adds one message. */
    public void add(Message m) {
        source.add(m);
        strings.add(messages.format(m));
    }

    /** Adds {@code key} with {@code args}. */
    public void add(String key, Object... args) {
        add(Message.of(key, args));
    }

    public void clear() {
        source.clear();
        strings.clear();
    }

    public boolean isEmpty() {
        return source.isEmpty();
    }

    /** The messages, in order. */
    public List<Message> messages() {
        return List.copyOf(source);
    }

    /** The words, for binding to a view. */
    public ObservableList<String> strings() {
        return strings;
    }

    private void again() {
        strings.setAll(source.stream().map(messages::format).toList());
    }
}
