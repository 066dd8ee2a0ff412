package org.epiflow.text;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@link Message}s into words in one language, from every {@link Catalogue} (and any extra catalogues a
 * caller adds, such as the app's screens). English is the base bundle, Simplified Chinese {@code _zh_CN}; there is
 * no fallback from one language to the other, so a missing translation shows as {@code !key!} and a test catches
 * it. String arguments are shown through {@link Untrusted#escape}.
 */
public final class Texts {
    /** The two languages the program speaks. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Cache CACHE = new Cache();

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Texts(Locale locale, List<String> baseNames) {
        this.locale = locale;
        Locale lookup = isChinese(locale) ? CHINESE : Locale.ROOT;
        List<ResourceBundle> list = new ArrayList<>();
        ResourceBundle.Control control =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String base : baseNames) {
            list.add(ResourceBundle.getBundle(base, lookup, Texts.class.getClassLoader(), control));
        }
        this.bundles = List.copyOf(list);
    }

    /** Texts in Chinese for any {@code zh} locale, English otherwise, from the shared catalogues. */
    public static Texts of(Locale locale) {
        return of(locale, List.of());
    }

    /** As {@link #of(Locale)}, with extra catalogue base names looked up first (the app's own screens). */
    public static Texts of(Locale locale, List<String> extraBaseNames) {
        Locale lang = isChinese(locale) ? CHINESE : ENGLISH;
        return CACHE.get(lang, extraBaseNames);
    }

    /** Shared catalogues in English. */
    public static Texts inEnglish() {
        return of(ENGLISH);
    }

    /** Shared catalogues in Chinese. */
    public static Texts inChinese() {
        return of(CHINESE);
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** The language of these texts ({@link #ENGLISH} or {@link #CHINESE}). */
    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return isChinese(locale);
    }

    /** The words for a message. */
    public String format(Message message) {
        return get(message.key(), message.argArray());
    }

    /** The words for a localized value (an exception born below the UI, say). */
    public String format(Localized value) {
        return format(value.message());
    }

    /** The formatted pattern of {@code key}; a missing key shows as {@code !key!}. */
    public String get(String key, Object... args) {
        String pattern = pattern(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        Object[] resolved = new Object[args == null ? 0 : args.length];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = resolve(args[i]);
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    private Object resolve(Object arg) {
        if (arg instanceof Message m) {
            return format(m);
        }
        if (arg instanceof Localized l) {
            return format(l.message());
        }
        if (arg instanceof CharSequence s) {
            return Untrusted.escape(s);
        }
        if (arg instanceof java.util.Collection<?> list) {
            StringBuilder joined = new StringBuilder();
            String separator = get("common.listSeparator");
            for (Object item : list) {
                joined.append(joined.isEmpty() ? "" : separator).append(resolve(item));
            }
            return joined.toString();
        }
        if (arg instanceof Number || arg instanceof java.util.Date) {
            return arg;
        }
        return arg == null ? "" : Untrusted.escape(String.valueOf(arg));
    }

    /** The raw pattern of a key, or {@code null}. */
    public String pattern(String key) {
        for (ResourceBundle b : bundles) {
            try {
                return b.getString(key);
            } catch (MissingResourceException e) {
                // next catalogue
            }
        }
        return null;
    }

    public boolean has(String key) {
        return pattern(key) != null;
    }

    /** Every key of every catalogue in use. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (ResourceBundle b : bundles) {
            keys.addAll(b.keySet());
        }
        return Collections.unmodifiableSet(keys);
    }

    /** The catalogues' resource bundles, in lookup order (for tests). */
    public List<ResourceBundle> bundles() {
        return bundles;
    }

    private static List<String> sharedBaseNames() {
        List<String> names = new ArrayList<>();
        for (Catalogue c : Catalogue.values()) {
            names.add(c.baseName());
        }
        return names;
    }

    /** Instances per language and extra catalogues (resource bundles are cached by the JDK as well). */
    private static final class Cache {
        private final ConcurrentHashMap<List<Object>, Texts> map = new ConcurrentHashMap<>();

        Texts get(Locale lang, List<String> extra) {
            return map.computeIfAbsent(List.of(lang, List.copyOf(extra)), k -> {
                List<String> names = new ArrayList<>(extra);
                names.addAll(sharedBaseNames());
                return new Texts(lang, names);
            });
        }
    }
}
