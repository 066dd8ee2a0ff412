package org.epiflow.ui.prefs;

import java.util.Locale;

/** The language setting: follow the operating system, or a fixed language. */
public enum LanguageChoice {
    SYSTEM, ENGLISH, CHINESE;

    /** The locale this choice means on a system whose default is {@code system}. */
    public Locale resolve(Locale system) {
        return switch (this) {
            case SYSTEM -> system;
            case ENGLISH -> Locale.ENGLISH;
            case CHINESE -> Locale.SIMPLIFIED_CHINESE;
        };
    }
}
