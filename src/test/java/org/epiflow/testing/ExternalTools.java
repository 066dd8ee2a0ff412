package org.epiflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs external command-line tools (minisign, age, expect …) in tests.
 *
 * <p>A missing tool skips the test with a printed {@code SKIPPED:} notice, unless the environment variable
 * {@value #REQUIRE_ENV} is {@code 1} (as in CI), in which case the test fails.
 */
public final class ExternalTools {

    /** Set to {@code 1} to turn a missing tool into a test failure. */
    public static final String REQUIRE_ENV = "EPIFLOW_REQUIRE_TOOLS";

    private ExternalTools() {
    }

    /** @return whether missing tools must fail the test rather than skip it */
    public static boolean toolsRequired() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** @return the executable named {@code tool} on PATH, if any */
    public static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The path of {@code tool}; if it is not on PATH, aborts the test (printing {@code SKIPPED: …}) or, when
     * {@value #REQUIRE_ENV}=1, fails it.
     */
    public static Path require(String tool) {
        Optional<Path> p = find(tool);
        if (p.isPresent()) {
            return p.get();
        }
        String msg = "external tool '" + tool + "' is not on PATH";
        if (toolsRequired()) {
            return Assertions.fail(msg + " and " + REQUIRE_ENV + "=1");
        }
        System.out.println("SKIPPED: " + msg);
        Assumptions.abort(msg);
        throw new AssertionError("unreachable");
    }

    /** Output of a finished process. */
    public record Result(int exitCode, byte[] stdoutBytes, String stderr) {

        /** @return stdout decoded as UTF-8 */
        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        /** @return stdout decoded as UTF-8 */
        public String stdoutText() {
            return stdout();
        }

        /** Fails the test with the captured output unless the exit code is 0; returns this. */
        public Result assertSuccess() {
            if (exitCode != 0) {
                Assertions.fail("exit code " + exitCode + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    /** Runs {@code command} in {@code workDir} with empty stdin; see {@link #run(Path, byte[], Duration, String...)}. */
    public static Result run(Path workDir, Duration timeout, String... command) {
        return run(workDir, new byte[0], timeout, command);
    }

    /**
     * Runs a process, feeding {@code stdin} and capturing stdout/stderr (UTF-8). Fails the test if it does not
     * finish within {@code timeout} (the process is killed).
     */
    public static Result run(Path workDir, byte[] stdin, Duration timeout, String... command) {
        return run(List.of(command), stdin, Map.of(), workDir, timeout);
    }

    /** Shorthand without extra environment or working directory. */
    public static Result run(List<String> command, byte[] stdin, Duration timeout) {
        return run(command, stdin, Map.of(), null, timeout);
    }

    /**
     * Runs a process with extra environment variables (e.g. secrets that must not appear in argv), feeding
     * {@code stdin} (null for none) and capturing its output; fails the test on timeout (the process is killed).
     */
    public static Result run(List<String> commandList, byte[] stdin, Map<String, String> extraEnv, Path workDir,
                             Duration timeout) {
        String[] command = commandList.toArray(new String[0]);
        ProcessBuilder pb = new ProcessBuilder(commandList).directory(workDir == null ? null : workDir.toFile());
        pb.environment().putAll(extraEnv);
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command[0], e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Thread> pumps = new ArrayList<>();
        pumps.add(pump(proc.getInputStream(), out));
        pumps.add(pump(proc.getErrorStream(), err));
        try (OutputStream in = proc.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException ignored) {
            // The process may exit without reading its input.
        }
        try {
            if (!proc.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(5, TimeUnit.SECONDS);
                Assertions.fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            for (Thread t : pumps) {
                t.join(5000);
            }
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
        return new Result(proc.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException ignored) {
                // Stream closed when the process was killed.
            }
        }, "process-output-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static final String EXPECT_SCRIPT = String.join("\n",
            "set timeout 120",
            "spawn -noecho sh -c [lindex $argv 0]",
            "expect {",
            "  -re {[Pp]assphrase[^\\n]*: ?$} { send -- \"$env(EPIFLOW_TEST_PASS)\\r\"; exp_continue }",
            "  -re {[Pp]assword[^\\n]*: ?$} { send -- \"$env(EPIFLOW_TEST_PASS)\\r\"; exp_continue }",
            "  timeout { exit 124 }",
            "  eof",
            "}",
            "set result [wait]",
            "exit [lindex $result 3]", "");

    /**
     * Runs a shell command line in a pseudo-terminal under {@code expect}, answering every passphrase or password
     * prompt with {@code passphrase} (passed through the environment, never in argv).
     */
    public static Result underExpect(Path workDir, String shellCommand, String passphrase, Duration timeout) {
        Path expect = require("expect");
        try {
            Path script = Files.createTempFile(workDir, "answer", ".exp");
            Files.writeString(script, EXPECT_SCRIPT);
            return run(List.of(expect.toString(), script.toString(), shellCommand), null,
                    Map.of("EPIFLOW_TEST_PASS", passphrase, "LC_ALL", "C.UTF-8"), workDir, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
