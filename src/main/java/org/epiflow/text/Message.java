package org.epiflow.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something to tell a person, as a catalogue key plus arguments, not yet in any language. Arguments may be numbers,
 * dates, strings (shown with control characters escaped: see {@link Untrusted}), other messages (formatted in the
 * same language first), {@link Localized} values (their message is used) or collections of any of these (joined
 * with the language's list separator, {@code common.listSeparator}).
 *
 * <p>Keys follow {@code area.topic.detail}, e.g. {@code bundle.container.truncated}; the {@link Catalogue} of the
 * area holds the words in both languages.
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(Arrays.asList(args.toArray()).stream().map(a -> a == null ? "" : a).toList());
    }

    /** A message with these arguments ({@code null} arguments become empty text). */
    public static Message of(String key, Object... args) {
        return new Message(key, args == null ? List.of() : Arrays.asList(args));
    }

    /** The arguments as an array, for {@link java.text.MessageFormat}. */
    public Object[] argArray() {
        return args.toArray();
    }

    /** English words, for logs, exceptions' {@code getMessage()} and tests. */
    public String english() {
        return Texts.inEnglish().format(this);
    }

    @Override
    public String toString() {
        return english();
    }
}
