package org.epiflow.ui.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The desktop's file manager and file associations: Explorer on Windows ({@code explorer /select,}), {@code open}
 * on macOS, {@code xdg-open} on Linux (the desktop's file manager and default programs). Programs are started
 * directly, never through a shell, with the path as one argument; nothing waits for them to finish.
 */
public final class SystemDesktop implements DesktopService {
    private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    @Override
    public void showInFolder(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (os.contains("win")) {
            start(List.of("explorer.exe", "/select," + abs));
        } else if (os.contains("mac")) {
            start(List.of("open", "-R", abs.toString()));
        } else {
            Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
            start(List.of("xdg-open", dir.toString()));
        }
    }

    @Override
    public void open(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (os.contains("win")) {
            start(List.of("rundll32.exe", "url.dll,FileProtocolHandler", abs.toString()));
        } else if (os.contains("mac")) {
            start(List.of("open", abs.toString()));
        } else {
            start(List.of("xdg-open", abs.toString()));
        }
    }

    private static void start(List<String> command) throws IOException {
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
