package org.epiflow.cli;

import org.epiflow.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Bundles and keys are interchangeable with the standard tools: a bundle opens with unzip, minisign and age alone
 * (docs/bundle-format.md §2), and keys made by age-keygen/age -p and minisign -G work with epiflow.
 */
class BundleCliInteropTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String PASS = "interop passphrase 口令";

    @TempDir
    Path dir;

    @Test
    void bundleOpensWithUnzipMinisignAndAge() throws Exception {
        Path unzip = ExternalTools.require("unzip");
        Path minisign = ExternalTools.require("minisign");
        Path age = ExternalTools.require("age");
        Path pass = write(dir, "officer.pass", PASS);
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--to",
                officer.out().trim(), "--sign", dir.resolve("carrier.key").toString(), "--bundle-id", "interop-1",
                "--out", dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();

        Path x = Files.createDirectory(dir.resolve("x"));
        ExternalTools.run(x, TIMEOUT, unzip.toString(), "-q", dir.resolve("b.epiflow").toString()).assertSuccess();
        assertThat(x.resolve("header.json")).exists();
        ExternalTools.Result verified = ExternalTools.run(x, TIMEOUT, minisign.toString(), "-V", "-p",
                dir.resolve("carrier.pub").toString(), "-m", "payload.age").assertSuccess();
        String headerHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(x.resolve("header.json"))));
        assertThat(verified.stdout() + verified.stderr()).contains("epiflow-bundle v1 id=interop-1 payload-sha256=")
                .contains("header-sha256=" + headerHash);

        ExternalTools.Result dec = ExternalTools.underExpect(x, age + " -d -i ../officer.key -o payload.zip "
                + "payload.age", PASS, TIMEOUT);
        assertThat(dec.exitCode()).as(dec.stdout() + dec.stderr()).isZero();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                Files.readAllBytes(x.resolve("payload.zip"))))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("manifest.json", "regions.csv", "flows.csv");
    }

    @Test
    void keysFromAgeKeygenAndMinisignWorkWithEpiflow() throws Exception {
        Path minisign = ExternalTools.require("minisign");
        ExternalTools.require("age-keygen");
        ExternalTools.Result made = ExternalTools.underExpect(dir, "age-keygen 2>/dev/null | age -p -o officer.key",
                PASS, TIMEOUT);
        assertThat(made.exitCode()).as(made.stdout() + made.stderr()).isZero();
        ExternalTools.Result y = ExternalTools.underExpect(dir, "age -d officer.key | age-keygen -y > recipient.txt",
                PASS, TIMEOUT);
        assertThat(y.exitCode()).as(y.stdout()).isZero();
        String recipient = Files.readString(dir.resolve("recipient.txt")).trim();
        ExternalTools.run(dir, TIMEOUT, minisign.toString(), "-G", "-W", "-p", "carrier.pub", "-s", "carrier.key")
                .assertSuccess();
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--to", recipient,
                "--sign", dir.resolve("carrier.key").toString(), "--out", dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        Path pass = write(dir, "officer.pass", PASS);
        CliHarness.Run inspected = run("inspect", dir.resolve("b.epiflow").toString(), "--identity",
                dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                dir.resolve("carrier.pub").toString());
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        assertThat(inspected.out()).contains("flowCells:").contains("4");
    }
}
