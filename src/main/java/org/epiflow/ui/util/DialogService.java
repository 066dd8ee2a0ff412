package org.epiflow.ui.util;

import java.util.List;

/** Shows messages to the user; a test implementation records them instead. Texts arrive already localized. */
public interface DialogService {
    /** An error: a heading, the explanation, and optional technical details (collapsed). */
    void showError(String title, String header, String message, String details);

    /** Plain information. */
    void showInfo(String title, String message);

    /** Asks yes/no; true for yes. */
    boolean confirm(String title, String message);

    /**
     * Asks for a passphrase (hidden as it is typed); empty when the user cancels. May be called from a background
     * thread: it then waits for the answer. The caller wipes the returned array.
     */
    default java.util.Optional<char[]> askPassphrase(String title, String header, String label, String ok,
                                                     String cancel) {
        return java.util.Optional.empty();
    }

    /** Asks, with buttons that say what they do ("Restore", "Not now"); true for {@code yes}. */
    default boolean confirm(String title, String message, String yes, String no) {
        return confirm(title, message);
    }

    /**
     * Information with actions the user may take next (after an export: "Open folder", "Open file"), besides
     * closing the dialog.
     *
     * @return the index of the action chosen, or -1 when the dialog was just closed
     */
    default int showInfo(String title, String message, List<String> actions) {
        showInfo(title, message);
        return -1;
    }
}
