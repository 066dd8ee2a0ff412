package org.epiflow.data.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test access to the backup files of a workspace folder. */
public final class WorkspaceBackupsTestAccess {
    private WorkspaceBackupsTestAccess() {
    }

    /** The newest backup file (by name: ids are times). */
    public static Path newest(Path workspaceDir) throws IOException {
        try (Stream<Path> s = Files.list(workspaceDir.resolve(WorkspaceBackups.FOLDER))) {
            return s.filter(p -> p.getFileName().toString().endsWith(BackupFile.EXTENSION))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
        }
    }
}
