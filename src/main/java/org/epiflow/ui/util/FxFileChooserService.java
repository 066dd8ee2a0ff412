package org.epiflow.ui.util;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * File choosers as the platform's native dialogs. They start in the folder of the suggested file, else in the
 * user's Documents folder ({@link UserFolders}) — never in the application's own folder.
 */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openFile(String title, Path initial, String filterName, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(startIn(initial).toFile());
        if (filterName != null && extensions.length > 0) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        }
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The folder a chooser starts in: the suggestion's (or the suggestion itself), else Documents or home. */
    static Path startIn(Path initial) {
        if (initial != null) {
            Path dir = Files.isDirectory(initial) ? initial : initial.toAbsolutePath().getParent();
            if (initial.isAbsolute() || Files.isDirectory(initial)) {
                return UserFolders.startIn(dir);
            }
        }
        return UserFolders.documents();
    }

    @Override
    public Optional<Path> saveFile(String title, Path initial, String filterName, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(startIn(initial).toFile());
        if (initial != null) {
            if (!Files.isDirectory(initial) && initial.getFileName() != null) {
                fc.setInitialFileName(initial.getFileName().toString());
            }
        }
        if (filterName != null && extensions.length > 0) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        }
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }
}
