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
