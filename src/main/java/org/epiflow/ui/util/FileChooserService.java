package org.epiflow.ui.util;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for files; a test implementation answers from a script. */
public interface FileChooserService {
    /**
     * Lets the user pick an existing file.
     *
     * @param title       localized dialog title
     * @param initial     file or folder to start in, or null
     * @param filterName  localized name of the file filter, or null for all files
     * @param extensions  patterns such as {@code *.epiflow}
     */
    Optional<Path> openFile(String title, Path initial, String filterName, String... extensions);

    /**
     * Lets the user choose where to save a file.
     *
     * @param title       localized dialog title
     * @param initial     suggested file (its folder is where the chooser starts, its name the suggested name), or null
     * @param filterName  localized name of the file filter, or null for all files
     * @param extensions  patterns such as {@code *.png}
     */
    Optional<Path> saveFile(String title, Path initial, String filterName, String... extensions);
}
