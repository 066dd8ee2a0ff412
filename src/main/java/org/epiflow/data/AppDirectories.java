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
 * EpiFlow's per-user application-data folder:
 * <ul>
 *   <li>the system property {@value #HOME_PROPERTY}, when set (tests, portable installs);</li>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/epiflow}, or {@code ~/.local/share/epiflow} when
 *       {@code XDG_DATA_HOME} is unset, empty or not absolute (as the XDG spec says);</li>
 *   <li>Windows: {@code %APPDATA%\EpiFlow} (falling back to {@code ~\AppData\Roaming\EpiFlow});</li>
 *   <li>macOS: {@code ~/Library/Application Support/EpiFlow}.</li>
 * </ul>
 * {@link #ensure()} creates it owner-only (0700 on POSIX file systems).
 */
public final class AppDirectories {
    /** System property that overrides the folder. */
    public static final String HOME_PROPERTY = "epiflow.home";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

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

    /**
     * Creates {@code dir} and any missing parents; the folder itself is made owner-only (0700) where the file
     * system is POSIX, also when it already existed. Returns it.
     */
    public static Path createOwnerOnly(Path dir) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                && dir.getFileSystem() == FileSystems.getDefault();
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
}
