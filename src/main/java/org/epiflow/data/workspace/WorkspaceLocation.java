package org.epiflow.data.workspace;

import org.epiflow.data.AppDirectories;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where workspaces live: {@code <app data>/workspaces/<officer key id>/}. The application-data folder follows the
 * same rules as {@code org.epiflow.data.AppDirectories} (branch {@code demo}; to be reconciled at merge): the
 * system property {@value #HOME_PROPERTY} when set; Linux/Unix {@code $XDG_DATA_HOME/epiflow} or
 * {@code ~/.local/share/epiflow}; Windows {@code %APPDATA%\EpiFlow}; macOS
 * {@code ~/Library/Application Support/EpiFlow}.
 */
public final class WorkspaceLocation {
    /** System property that overrides the application-data folder. */
    public static final String HOME_PROPERTY = AppDirectories.HOME_PROPERTY;
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private WorkspaceLocation() {
    }

    /** The application-data folder for this user (not created). */
    public static Path dataHome() {
        return dataHome(System.getProperties(), System.getenv());
    }

    static Path dataHome(Properties props, Map<String, String> env) {
        return AppDirectories.dataHome(props, env);
    }

    /** {@code <app data>/workspaces}: the parent of every officer's workspace (not created). */
    public static Path workspacesRoot() {
        return dataHome().resolve("workspaces");
    }

    /** The default workspace folder of the officer with this key id (not created). */
    public static Path forOfficer(String officerKeyId) {
        if (!officerKeyId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not an officer key id: " + officerKeyId);
        }
        return workspacesRoot().resolve(officerKeyId);
    }

    static boolean posix(Path p) {
        return p.getFileSystem() == FileSystems.getDefault()
                && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and parents); the folder itself is made 0700 where POSIX, also if it existed. */
    static Path createOwnerOnlyDirectory(Path dir) throws IOException {
        return AppDirectories.createOwnerOnly(dir);
    }

    /** Makes an existing file 0600 where POSIX. */
    static void ownerOnlyFile(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }
}
