package org.epiflow.ui.util;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Shows a file or folder with the desktop's own programs (after an export: "Open folder", "Open file"); nothing
 * goes over the network. A test implementation records the requests instead of launching anything.
 */
public interface DesktopService {
    /** Opens the folder in the file manager (the file selected where the file manager can do that). */
    void showInFolder(Path file) throws IOException;

    /** Opens the file with the program the desktop associates with it. */
    void open(Path file) throws IOException;

    /** Does nothing (the default of view-models until the app gives the real one). */
    DesktopService NONE = new DesktopService() {
        @Override
        public void showInFolder(Path file) {
        }

        @Override
        public void open(Path file) {
        }
    };
}
