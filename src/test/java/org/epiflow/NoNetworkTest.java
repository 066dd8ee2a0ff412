package org.epiflow;

import org.epiflow.testing.ExternalTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EpiFlow needs no network: the main command-line scenario runs in a network namespace with no interfaces
 * ({@code unshare -n}; needs root, as in CI) — demo, verify, inspect, risk.
 */
class NoNetworkTest {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void mainScenarioRunsWithoutAnyNetwork() throws Exception {
        Path unshare = ExternalTools.require("unshare");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            String msg = "unshare -n needs root";
            if (ExternalTools.toolsRequired()) {
                throw new AssertionError(msg + " and EPIFLOW_REQUIRE_TOOLS=1");
            }
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path pass = Files.writeString(dir.resolve("pass.txt"), "epiflow-demo");
        Path demo = dir.resolve("demo");
        List<List<String>> steps = List.of(
                List.of("demo", "--out", demo.toString(), "--passphrase-file", pass.toString(), "--work-factor", "10"),
                List.of("verify", demo.resolve("demo.epiflow").toString(), "--trust", demo.resolve("carrier.pub")
                        .toString()),
                List.of("inspect", demo.resolve("demo.epiflow").toString(), "--identity", demo.resolve("officer.key")
                        .toString(), "--passphrase-file", pass.toString(), "--trust",
                        demo.resolve("carrier.pub").toString()),
                List.of("risk", "--bundle", demo.resolve("demo.epiflow").toString(), "--identity",
                        demo.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                        demo.resolve("carrier.pub").toString(), "--model", "importation", "--cases",
                        demo.resolve("cases.csv").toString(), "--out", dir.resolve("risk.csv").toString()));
        // Inside the namespace: first prove there is no usable network, then run each step.
        ExternalTools.Result probe = ExternalTools.run(List.of(unshare.toString(), "-n", "sh", "-c",
                "cat /proc/net/dev | tail -n +3 | awk '{print $1}'"), null, TIMEOUT);
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        assertThat(probe.stdout().trim()).as("interfaces in the namespace").isIn("lo:", "");
        for (List<String> step : steps) {
            List<String> cmd = new ArrayList<>(List.of(unshare.toString(), "-n", java, "-cp", cp,
                    "-Djava.awt.headless=true", "-Depiflow.home=" + dir.resolve("home"), "org.epiflow.Main"));
            cmd.addAll(step);
            ExternalTools.Result r = ExternalTools.run(cmd, null, TIMEOUT);
            assertThat(r.exitCode()).as("epiflow %s: %s %s", step.get(0), r.stdout(), r.stderr()).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("risk.csv")).size()).isGreaterThan(300);
    }

    /**
     * The desktop too: a child JVM runs the headless Monocle walkthrough ({@code SessionWalkthrough}: unlock, open,
     * select, save a view, lock, unlock from the encrypted cache, quit) inside {@code unshare -n}.
     */
    @Test
    void desktopScenarioRunsWithoutAnyNetwork() throws Exception {
        Path unshare = ExternalTools.require("unshare");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            String msg = "unshare -n needs root";
            if (ExternalTools.toolsRequired()) {
                throw new AssertionError(msg + " and EPIFLOW_REQUIRE_TOOLS=1");
            }
            System.out.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        List<String> cmd = new ArrayList<>(List.of(unshare.toString(), "-n"));
        cmd.addAll(org.epiflow.ui.session.SessionWalkthrough.command(dir.resolve("gui"), "no-network",
                Files.createDirectories(dir.resolve("tmp")), Files.createDirectories(dir.resolve("home"))));
        ExternalTools.Result r = ExternalTools.run(cmd, null, TIMEOUT);
        assertThat(r.exitCode()).as("desktop walkthrough: %s %s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).contains("WALKTHROUGH OK");
    }
}
