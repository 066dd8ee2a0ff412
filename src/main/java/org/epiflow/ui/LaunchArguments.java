package org.epiflow.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The desktop app's command line: {@code --open FILE} (repeatable) or bare paths of {@code .epiflow} files. Anything
 * else belongs to the command-line tool.
 */
public final class LaunchArguments {
    /** Extension of bundle files. */
    public static final String EXTENSION = ".epiflow";

    private LaunchArguments() {
    }

    /** True when these arguments start the desktop app rather than the command line (none, or only bundles). */
    public static boolean isDesktop(String[] args) {
        if (args.length == 0) {
            return true;
        }
        for (int i = 0; i < args.length; i++) {
            if ("--open".equals(args[i]) && i + 1 < args.length) {
                i++;
            } else if (!isBundlePath(args[i])) {
                return false;
            }
        }
        return true;
    }

    /** The bundles to open at start. */
    public static List<Path> bundles(List<String> args) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if ("--open".equals(args.get(i)) && i + 1 < args.size()) {
                out.add(Path.of(args.get(++i)));
            } else if (isBundlePath(args.get(i))) {
                out.add(Path.of(args.get(i)));
            }
        }
        return out;
    }

    private static boolean isBundlePath(String a) {
        return !a.startsWith("-") && a.toLowerCase(Locale.ROOT).endsWith(EXTENSION) && Files.isRegularFile(Path.of(a));
    }
}
