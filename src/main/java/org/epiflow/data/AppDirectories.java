package org.epiflow.data;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * EpiFlow's per-user folders. The application-data folder is
 * <ul>
 *   <li>the system property {@value #HOME_PROPERTY}, when set (tests, portable installs);</li>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/epiflow}, or {@code ~/.local/share/epiflow} when
 *       {@code XDG_DATA_HOME} is unset, empty or not absolute (as the XDG spec says);</li>
 *   <li>Windows: {@code %APPDATA%\EpiFlow} (falling back to {@code ~\AppData\Roaming\EpiFlow});</li>
 *   <li>macOS: {@code ~/Library/Application Support/EpiFlow}.</li>
 * </ul>
 * Inside it, {@code workspaces/<officer key id>/} holds each officer's encrypted workspace and
 * {@code workspaces/pending-unlocks/} the failed unlock attempts waiting to enter the audit trail; {@code demo/}
 * holds the demo. Folders are created owner-only (0700) and files made 0600 on POSIX file systems.
 */
public final class AppDirectories {
    /** System property that overrides the folder. */
    public static final String HOME_PROPERTY = "epiflow.home";
    /** Name of the folder of workspaces inside the application-data folder. */
    public static final String WORKSPACES = "workspaces";
    /** Name of the folder of failed unlock attempts inside {@link #WORKSPACES}. */
    public static final String PENDING_UNLOCKS = "pending-unlocks";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private AppDirectories() {
    }

    /** The application-data folder for this user and system (not created). */
    public static Path dataHome() {
        return dataHome(System.getProperties(), System.getenv());
    }

    /** The folder as chosen from these system properties and environment variables (for tests, diagnostics). */
    public static Path dataHome(Properties props, Map<String, String> env) {
        String override = props.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(props.getProperty("user.home", "."));
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : home.resolve("AppData").resolve("Roaming");
            return base.resolve("EpiFlow");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("EpiFlow");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("epiflow");
        }
        return home.resolve(".local").resolve("share").resolve("epiflow");
    }

    /** Creates the application-data folder if needed (owner-only) and returns it. */
    public static Path ensure() throws IOException {
        return createOwnerOnly(dataHome());
    }

    /** {@code <app data>/workspaces}: the parent of every officer's workspace (not created). */
    public static Path workspacesRoot() {
        return dataHome().resolve(WORKSPACES);
    }

    /** The default workspace folder of the officer with this key id (not created). */
    public static Path workspaceOf(String officerKeyId) {
        if (officerKeyId == null || !officerKeyId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not an officer key id: " + officerKeyId);
        }
        return workspacesRoot().resolve(officerKeyId);
    }

    /** Where failed unlock attempts wait for the workspaces under {@code workspacesRoot}. */
    public static Path pendingUnlocks(Path workspacesRoot) {
        return workspacesRoot.resolve(PENDING_UNLOCKS);
    }

    /** Where failed unlock attempts wait for a workspace folder: beside it, in {@code pending-unlocks}. */
    public static Path pendingUnlocksBeside(Path workspaceDir) {
        Path parent = workspaceDir.toAbsolutePath().getParent();
        return (parent == null ? workspaceDir : parent).resolve(PENDING_UNLOCKS);
    }

    /**
     * Creates {@code dir} and any missing parents; the folder itself is made owner-only (0700) where the file
     * system is POSIX, also when it already existed. Returns it.
     */
    public static Path createOwnerOnly(Path dir) throws IOException {
        boolean posix = posix(dir);
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(dir)) {
                    throw raced;
                }
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    /** Makes an existing file owner-only (0600) where the file system is POSIX. */
    public static void ownerOnlyFile(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /** Whether {@code p} is on the default file system and it has POSIX permissions. */
    public static boolean posix(Path p) {
        return p.getFileSystem() == FileSystems.getDefault()
                && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
