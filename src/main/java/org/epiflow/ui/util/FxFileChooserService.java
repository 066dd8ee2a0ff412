package org.epiflow.ui.util;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** File choosers as the platform's native dialogs. */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openFile(String title, Path initial, String filterName, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (initial != null) {
            Path dir = Files.isDirectory(initial) ? initial : initial.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                fc.setInitialDirectory(dir.toFile());
            }
        }
        if (filterName != null && extensions.length > 0) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        }
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, Path initial, String filterName, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (initial != null) {
            Path dir = Files.isDirectory(initial) ? initial : initial.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                fc.setInitialDirectory(dir.toFile());
            }
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
