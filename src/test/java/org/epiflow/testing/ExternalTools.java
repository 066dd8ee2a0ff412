package org.epiflow.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finding and running external command-line tools in tests. A missing tool skips the test with a printed
 * notice, unless the environment sets {@code EPIFLOW_REQUIRE_TOOLS=1} (CI), in which case the test fails.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Result of a finished process. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /** @return stdout decoded as UTF-8 */
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /**
     * Locates {@code tool} on PATH, or skips/fails the calling test.
     *
     * @param tool executable name
     * @return absolute path of the executable
     */
    public static Path require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "external tool '" + tool + "' not found on PATH";
        if ("1".equals(System.getenv("EPIFLOW_REQUIRE_TOOLS"))) {
            Assertions.fail(message + " (EPIFLOW_REQUIRE_TOOLS=1)");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /**
     * Runs a command, feeding {@code stdin} (may be null for none), and waits at most {@code timeout}; the
     * process is killed on timeout and the test fails.
     *
     * @param command   program and arguments
     * @param stdin     bytes for standard input, or null
     * @param extraEnv  additional environment variables (e.g. secrets that must not appear in argv)
     * @param workDir   working directory, or null for the current one
     * @param timeout   maximum run time
     * @return exit code and captured output
     */
    public static Result run(List<String> command, byte[] stdin, Map<String, String> extraEnv, Path workDir,
            Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(extraEnv);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the process may exit without reading its input; the exit code tells the story
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                Assertions.fail("timed out after " + timeout + ": " + command);
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shorthand for {@link #run(List, byte[], Map, Path, Duration)} without extra environment or directory. */
    public static Result run(List<String> command, byte[] stdin, Duration timeout) {
        return run(command, stdin, Map.of(), null, timeout);
    }

    private static byte[] drain(InputStream s) {
        try (s) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            s.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
