package org.epiflow.ui.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The visible strings of the app, from {@code org/epiflow/ui/messages*.properties} (UTF-8). Every value is a
 * {@link MessageFormat} pattern (write {@code ''} for an apostrophe). No fallback between languages: English is the
 * base bundle, Simplified Chinese is {@code messages_zh_CN}.
 */
public final class Messages {
    /** Resource bundle base name. */
    public static final String BASE = "org.epiflow.ui.messages";
    /** The languages the app ships. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        Locale lookup = isChinese(locale) ? CHINESE : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle(BASE, lookup,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Messages for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static Messages of(Locale locale) {
        return new Messages(isChinese(locale) ? CHINESE : ENGLISH);
    }

    public static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    /** The locale the strings are in ({@link #ENGLISH} or {@link #CHINESE}). */
    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return isChinese(locale);
    }

    /** The formatted string for {@code key}; a missing key shows as {@code !key!} so a test catches it. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    /** The raw bundle (for tests). */
    public ResourceBundle bundle() {
        return bundle;
    }
}
