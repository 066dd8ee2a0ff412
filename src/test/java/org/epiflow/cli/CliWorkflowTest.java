package org.epiflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/** The carrier and officer workflow through the real command line: keygen → seal → verify → inspect. */
class CliWorkflowTest {
    @TempDir
    Path dir;
    Path officerPass;
    Path carrierPass;
    String recipient;

    @BeforeEach
    void keys() throws Exception {
        officerPass = write(dir, "officer.pass", "officer passphrase 密码\n");
        carrierPass = write(dir, "carrier.pass", "carrier passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", officerPass.toString(), "--work-factor", "10");
        assertThat(officer.exit()).as(officer.err()).isZero();
        recipient = officer.out().trim();
        CliHarness.Run carrier = run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(),
                "--no-passphrase");
        assertThat(carrier.exit()).as(carrier.err()).isZero();
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
    }

    CliHarness.Run seal(String... extra) {
        String[] base = {"seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Test Mobile 测试", "--out",
                dir.resolve("b.epiflow").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void officerKeyIsAnAgeRecipientInAnOwnerOnlyFile() throws Exception {
        assertThat(recipient).startsWith("age1").hasSize(62);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("officer.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("carrier.pub"))).startsWith("untrusted comment: minisign public key");
    }

    @Test
    void keygenRefusesToOverwrite() {
        CliHarness.Run again = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", officerPass.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void sealVerifyInspect() throws Exception {
        CliHarness.Run sealed = seal("--to", recipient);
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        assertThat(sealed.err()).contains("6 cells in, 2 suppressed").contains("16 trips withheld");

        CliHarness.Run verified = run("verify", dir.resolve("b.epiflow").toString(), "--trust",
                dir.resolve("carrier.pub").toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("Signature OK").contains("Test Mobile 测试");

        CliHarness.Run inspected = run("inspect", dir.resolve("b.epiflow").toString(), "--identity",
                dir.resolve("officer.key").toString(), "--passphrase-file", officerPass.toString(), "--trust",
                dir.resolve("carrier.pub").toString(), "--json");
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(inspected.out());
        assertThat(json.get("flowCells").asInt()).isEqualTo(4);
        assertThat(json.get("totalTrips").asLong()).isEqualTo(1200 + 300 + 1500 + 12);
        assertThat(json.get("regions").asInt()).isEqualTo(3);
        assertThat(json.get("k").asInt()).isEqualTo(10);
        assertThat(json.get("purpose").asText()).isEqualTo("epidemic-prevention");
        assertThat(inspected.out()).doesNotContain("110100").doesNotContain("1500");
    }

    @Test
    void sealWithPassphraseRecipientAndEncryptedCarrierKey() throws Exception {
        assertThat(run("keygen", "carrier", "--out", dir.resolve("c2.key").toString(), "--passphrase-file",
                carrierPass.toString()).exit()).isZero();
        Path bundlePass = write(dir, "bundle.pass", "shared bundle secret");
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--rounding", "5", "--expires", "2099-12-31",
                "--passphrase-recipient", "--passphrase-file", bundlePass.toString(), "--work-factor", "10",
                "--sign", dir.resolve("c2.key").toString(), "--sign-passphrase-file", carrierPass.toString(),
                "--out", dir.resolve("p.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        assertThat(run("verify", dir.resolve("p.epiflow").toString(), "--trust",
                dir.resolve("c2.pub").toString()).out()).contains("scrypt");
    }

    @Test
    void sealRefusesIdentifierColumns() throws Exception {
        write(dir, "flows.csv", "date,origin,destination,trips,msisdn\n2020-01-01,110100,310100,50,13800000000\n");
        CliHarness.Run sealed = seal("--to", recipient);
        assertThat(sealed.exit()).isEqualTo(ExitCodes.MINIMISATION);
        assertThat(sealed.err()).contains("'msisdn'").contains("aggregates only");
        assertThat(dir.resolve("b.epiflow")).doesNotExist();
    }

    @Test
    void sealRefusesPassphraseWithOfficerRecipients() {
        CliHarness.Run sealed = seal("--to", recipient, "--passphrase-recipient");
        assertThat(sealed.exit()).isEqualTo(2);
        assertThat(sealed.err()).contains("sole recipient");
    }

    @Test
    void sealNamesBadInputLines() throws Exception {
        write(dir, "flows.csv", "date,origin,destination,trips\n2020-01-01,110100,999999,50\n");
        CliHarness.Run sealed = seal("--to", recipient);
        assertThat(sealed.exit()).isEqualTo(ExitCodes.MINIMISATION);
        assertThat(sealed.err()).contains("flows.csv line 2").contains("999999");
    }

    @Test
    void untrustedCarrierIsRefusedWithExitCode3() throws Exception {
        assertThat(seal("--to", recipient).exit()).isZero();
        assertThat(run("keygen", "carrier", "--out", dir.resolve("other.key").toString(), "--no-passphrase")
                .exit()).isZero();
        CliHarness.Run v = run("verify", dir.resolve("b.epiflow").toString(), "--trust",
                dir.resolve("other.pub").toString());
        assertThat(v.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(v.err()).contains("carrier signature check");
    }

    @Test
    void wrongPassphraseIsAClearError() throws Exception {
        assertThat(seal("--to", recipient).exit()).isZero();
        Path wrong = write(dir, "wrong.pass", "not it");
        CliHarness.Run r = run("inspect", dir.resolve("b.epiflow").toString(), "--identity",
                dir.resolve("officer.key").toString(), "--passphrase-file", wrong.toString(), "--trust",
                dir.resolve("carrier.pub").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot unlock").containsIgnoringCase("passphrase");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"keygen", "--help"}, {"seal", "--help"},
                {"verify", "--help"}, {"inspect", "--help"}, {"bench", "open", "--help"}}) {
            CliHarness.Run r = run(cmd);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void commandLineWorkIsRecordedInTheOfficersAuditTrail() throws Exception {
        assertThat(seal("--to", recipient).exit()).isZero();
        Path wrong = write(dir, "wrong.pass", "not it");
        String[] officer = {"--identity", dir.resolve("officer.key").toString(), "--passphrase-file",
                officerPass.toString()};
        String trust = dir.resolve("carrier.pub").toString();
        assertThat(run("inspect", dir.resolve("b.epiflow").toString(), officer[0], officer[1], "--passphrase-file",
                wrong.toString(), "--trust", trust).exit()).isEqualTo(1);
        CliHarness.Run inspected = run("inspect", dir.resolve("b.epiflow").toString(), officer[0], officer[1],
                officer[2], officer[3], "--trust", trust);
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        CliHarness.Run exported = run("export", "--bundle", dir.resolve("b.epiflow").toString(), officer[0],
                officer[1], officer[2], officer[3], "--trust", trust, "--date", "2020-01-01", "--format", "csv",
                "--table", "flows", "--out", dir.resolve("flows.csv.out.csv").toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        CliHarness.Run verified = run("audit", "verify", officer[0], officer[1], officer[2], officer[3]);
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        Path report = dir.resolve("audit.csv");
        assertThat(run("audit", "export", officer[0], officer[1], officer[2], officer[3], "--out",
                report.toString()).exit()).isZero();
        String audit = Files.readString(report);
        assertThat(audit).contains("UNLOCK_FAILED").contains("BUNDLE_OPEN").contains("EXPORT");
    }
}
