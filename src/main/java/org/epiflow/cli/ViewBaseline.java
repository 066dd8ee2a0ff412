package org.epiflow.cli;

import org.epiflow.bundle.OpenedBundle;
import org.epiflow.data.workspace.ViewDefinition;
import org.epiflow.text.Message;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline bundle a saved view's comparison names ({@code comparison.baselineBundle}: id, fingerprint, the file
 * it was opened from), for {@code epiflow export --view}: where to open it (the file as recorded; a relative path
 * from the view's folder), and that the bundle opened is the one the view names. {@code --baseline-bundle} wins.
 */
final class ViewBaseline {
    private ViewBaseline() {
    }

    /** The baseline bundle the view names, or null (no view, no comparison, or the baseline of the bundle itself). */
    static ViewDefinition.Bundle named(ViewDefinition view) {
        return view == null || view.comparison() == null || view.comparison().baselineFrom() == null ? null
                : view.comparison().baselineBundle();
    }

    /** The file to open it from; refused, naming the bundle and the flag to give, when it cannot be found. */
    static Path file(ViewDefinition.Bundle b, Path viewFile) throws CliException {
        Path f = null;
        if (b.file() != null && !b.file().isBlank()) {
            try {
                f = Path.of(b.file());
                if (!f.isAbsolute() && viewFile != null && viewFile.toAbsolutePath().getParent() != null) {
                    f = viewFile.toAbsolutePath().getParent().resolve(f);
                }
            } catch (java.nio.file.InvalidPathException e) {
                f = null;
            }
        }
        if (f == null || !Files.isRegularFile(f)) {
            throw new CliException(Message.of("cli.export.viewBaselineMissing", b.id(), String.valueOf(b.file())),
                    ExportCommand.USAGE);
        }
        return f;
    }

    /** Refuses a file that holds another bundle (another id, or another fingerprint when the view records one). */
    static void check(ViewDefinition.Bundle b, OpenedBundle opened, Path file) throws CliException {
        String id = opened.header().bundleId();
        if (!id.equals(b.id()) || (b.fingerprint() != null && !b.fingerprint().equals(opened.fingerprint()))) {
            throw new CliException(Message.of("cli.export.viewBaselineOther", b.id(), String.valueOf(b.fingerprint()),
                    file.toString(), id, opened.fingerprint()), ExportCommand.USAGE);
        }
    }
}
