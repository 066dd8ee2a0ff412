package org.epiflow.ui.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user's own folders, where file choosers start when nothing better is known: the Documents folder (on Linux
 * the one {@code ~/.config/user-dirs.dirs} names, which a Chinese desktop calls {@code ~/文档}), else the home
 * folder — never the application's own folder (the working directory of a launcher).
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** The Documents folder if it exists, else the home folder. */
    public static Path documents() {
        return documents(Path.of(System.getProperty("user.home")), System.getenv());
    }

    static Path documents(Path home, Map<String, String> env) {
        for (Path candidate : candidates(home, env)) {
            if (candidate != null && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return home;
    }

    private static List<Path> candidates(Path home, Map<String, String> env) {
        Path xdg = xdgDocuments(home, env);
        Path profile = variable(env, "USERPROFILE") == null ? null : safe(variable(env, "USERPROFILE"), "Documents");
        return java.util.Arrays.asList(xdg, home.resolve("Documents"), profile, home.resolve("文档"),
                home.resolve("My Documents"));
    }

    /** XDG_DOCUMENTS_DIR from {@code $XDG_CONFIG_HOME/user-dirs.dirs} (e.g. {@code "$HOME/文档"}), or null. */
    static Path xdgDocuments(Path home, Map<String, String> env) {
        String config = variable(env, "XDG_CONFIG_HOME");
        Path dirs = (config == null || config.isBlank() ? home.resolve(".config") : Path.of(config))
                .resolve("user-dirs.dirs");
        if (!Files.isRegularFile(dirs)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(dirs, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                    String v = l.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                    if (v.startsWith("$HOME")) {
                        String rest = v.substring("$HOME".length()).replaceFirst("^/", "");
                        return rest.isEmpty() ? null : home.resolve(rest);
                    }
                    return v.startsWith("/") ? Path.of(v) : null;
                }
            }
        } catch (IOException | InvalidPathException e) {
            return null;
        }
        return null;
    }

    /**
     * Where a chooser should start: {@code remembered} when it is still a folder, else the Documents folder.
     *
     * @param remembered a folder the user chose before, or null
     */
    public static Path startIn(Path remembered) {
        return remembered != null && Files.isDirectory(remembered) ? remembered : documents();
    }

    /** An environment variable (named so the message-key check does not take it for a message key). */
    private static String variable(Map<String, String> env, String name) {
        return env.get(name);
    }

    private static Path safe(String first, String more) {
        try {
            return Path.of(first, more);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
