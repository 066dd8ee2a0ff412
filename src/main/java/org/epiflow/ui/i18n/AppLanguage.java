package org.epiflow.ui.i18n;

import java.util.Locale;

/**
 * The app's language as the JVM sees it. JavaFX takes the words of its own controls (a text field's Copy/Paste
 * menu, a table's "no content" text) from the default locale when a control's skin is made, so the app sets the
 * default locale to the language it shows, and keeps the system's own locale for "follow the system".
 */
public final class AppLanguage {
    private static final Locale SYSTEM = Locale.getDefault();

    private AppLanguage() {
    }

    /** The locale the operating system gave the JVM, before the app changed the default. */
    public static Locale system() {
        return SYSTEM;
    }

    /** Makes JavaFX's built-in texts speak the language of {@code m} (call on the UI thread, before building). */
    public static void applyDefault(Messages m) {
        Locale target = m.chinese() ? Messages.CHINESE : Messages.ENGLISH;
        if (!Locale.getDefault().equals(target)) {
            Locale.setDefault(target);
        }
    }
}
