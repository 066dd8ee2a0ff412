package org.epiflow.ui.i18n;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The visible strings of the app: its own screens ({@code org/epiflow/ui/messages*.properties}, UTF-8) first, then
 * the shared catalogues of {@link org.epiflow.text.Catalogue} that give words to messages born below the UI. Every
 * value is a {@link MessageFormat} pattern (write {@code ''} for an apostrophe). No fallback between languages:
 * English is the base bundle, Simplified Chinese is {@code messages_zh_CN}.
 */
public final class Messages {
    /** Resource bundle base name of the app's own screens. */
    public static final String BASE = "org.epiflow.ui.messages";
    /** The languages the app ships. */
    public static final Locale ENGLISH = Texts.ENGLISH;
    public static final Locale CHINESE = Texts.CHINESE;

    private final Texts texts;

    private Messages(Locale locale) {
        this.texts = Texts.of(locale, List.of(BASE));
    }

    /** Messages for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static Messages of(Locale locale) {
        return new Messages(isChinese(locale) ? CHINESE : ENGLISH);
    }

    public static boolean isChinese(Locale locale) {
        return Texts.isChinese(locale);
    }

    /** The locale the strings are in ({@link #ENGLISH} or {@link #CHINESE}). */
    public Locale locale() {
        return texts.locale();
    }

    public boolean chinese() {
        return texts.chinese();
    }

    /** The formatted string for {@code key}; a missing key shows as {@code !key!} so a test catches it. */
    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    /** The words for a message born below the UI. */
    public String format(Message message) {
        return texts.format(message);
    }

    /** The words for an exception or value that carries its own message. */
    public String format(Localized value) {
        return texts.format(value);
    }

    public boolean has(String key) {
        return texts.has(key);
    }

    /** The raw pattern of a key, or {@code null} (for tests). */
    public String pattern(String key) {
        return texts.pattern(key);
    }

    public Set<String> keys() {
        return texts.keys();
    }

    /** The shared texts in the same language (for code that takes {@link Texts}). */
    public Texts texts() {
        return texts;
    }
}
