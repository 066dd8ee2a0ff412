package org.epiflow.ui.i18n;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.text.Problems;
import org.epiflow.text.Texts;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The visible strings of the app: its own screens ({@code org/epiflow/ui/messages*.properties}, UTF-8) first, then
 * the shared catalogues of {@link org.epiflow.text.Catalogue} that give words to messages born below the UI. Every
 * value is a {@link MessageFormat} pattern (write {@code ''} for an apostrophe). No fallback between languages:
 * English is the base bundle, Simplified Chinese is {@code messages_zh_CN}.
 *
 * <p>The language can change while the app runs ({@link #setLocale}, on the UI thread): {@link #localeProperty()}
 * tells the view-models, whose texts are {@link LocalText}s and {@link LocalTexts} (they keep the {@link Message}
 * and show it again in the new language) or bindings made with {@link #bind}; the window is then rebuilt.
 */
public final class Messages {
    /** Resource bundle base name of the app's own screens. */
    public static final String BASE = "org.epiflow.ui.messages";
    /** The languages the app ships. */
    public static final Locale ENGLISH = Texts.ENGLISH;
    public static final Locale CHINESE = Texts.CHINESE;

    private volatile Texts texts;
    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(this, "locale");

    private Messages(Locale locale) {
        this.texts = Texts.of(locale, List.of(BASE));
        this.locale.set(texts.locale());
    }

    /** Messages for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static Messages of(Locale locale) {
        return new Messages(isChinese(locale) ? CHINESE : ENGLISH);
    }

    public static boolean isChinese(Locale locale) {
        return Texts.isChinese(locale);
    }

    /** Switches the language (on the UI thread); everything bound to {@link #localeProperty()} follows. */
    public void setLocale(Locale next) {
        Texts t = Texts.of(isChinese(next) ? CHINESE : ENGLISH, List.of(BASE));
        this.texts = t;
        locale.set(t.locale());
    }

    /** The language of the strings ({@link #ENGLISH} or {@link #CHINESE}); changes with {@link #setLocale}. */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
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

    /** The words for any failure (its own message when it has one; see {@link Problems}). */
    public String describe(Throwable failure) {
        return texts.format(Problems.of(failure));
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

    /** A text property that shows messages in the current language, and again in the next one. */
    public LocalText text() {
        return new LocalText(this);
    }

    /** A list of messages shown as strings in the current language, and again in the next one. */
    public LocalTexts list() {
        return new LocalTexts(this);
    }

    /** A string computed from {@code text} that is computed again when a dependency or the language changes. */
    public StringBinding bind(Callable<String> text, Observable... dependencies) {
        Observable[] all = Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = locale;
        return Bindings.createStringBinding(text, all);
    }
}
