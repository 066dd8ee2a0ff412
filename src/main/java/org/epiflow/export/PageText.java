package org.epiflow.export;

import org.epiflow.map.Language;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

/**
 * The words printed on export pages, in the page's language, from the {@code export} catalogue. Ranges follow each
 * language's typography: {@code 1,000 – 5,000} with an en dash on English pages, {@code 1,000～5,000} on Chinese
 * ones.
 */
public final class PageText {
    private PageText() {
    }

    /** The catalogue words of a page language. */
    public static Texts texts(Language lang) {
        return lang == Language.ZH ? Texts.inChinese() : Texts.inEnglish();
    }

    /** The words of a message on a page in {@code lang}. */
    public static String of(Language lang, Message m) {
        return texts(lang).format(m);
    }

    /** A range of two values already formatted, e.g. {@code 40,000 – 100,000} / {@code 40,000～100,000}. */
    public static String range(Language lang, String from, String to) {
        return of(lang, Message.of("export.range", from, to));
    }

    /**
     * A range label written the English way ({@code a – b}, as legends of the map model are) in the page's
     * typography; other text is left as it is.
     */
    public static String localizeRange(Language lang, String label) {
        int i = label.indexOf(" – ");
        if (i <= 0 || label.indexOf(" – ", i + 1) >= 0) {
            return label;
        }
        return range(lang, label.substring(0, i), label.substring(i + 3));
    }
}
