package org.epiflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.ScryptParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Bundles sealed to a passphrase open on the command line (issue 13, item 8), and {@code seal} takes the signing
 * key's passphrase from {@code --passphrase-file} when the bundle is not sealed to a passphrase, naming the flag
 * that is actually needed when none is given (item 9).
 */
class PassphraseBundleCliTest {
    @TempDir
    Path dir;
    Path officerPass;
    Path carrierPass;
    Path bundlePass;

    @BeforeEach
    void keys() throws Exception {
        officerPass = write(dir, "officer.pass", "officer passphrase 密码\n");
        carrierPass = write(dir, "carrier.pass", "carrier passphrase\n");
        bundlePass = write(dir, "bundle.pass", "shared bundle secret 共享\n");
        assertThat(run("keygen", "officer", "--out", dir.resolve("officer.key").toString(), "--passphrase-file",
                officerPass.toString(), "--work-factor", "10").exit()).isZero();
        // an encrypted carrier key, with a cheap work factor (keygen uses minisign's 1 GiB default)
        try (MinisignSecretKey key = MinisignSecretKey.generate()) {
            key.write(dir.resolve("carrier.key"), "carrier passphrase".toCharArray(), ScryptParams.ofLogN(10));
            key.publicKey().write(dir.resolve("carrier.pub"));
        }
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
    }

    String[] seal(String out, String... extra) {
        String[] base = {"seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", "Test Mobile 测试", "--out",
                dir.resolve(out).toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    CliHarness.Run sealPassphraseBundle() {
        CliHarness.Run sealed = run(seal("p.epiflow", "--passphrase-recipient", "--passphrase-file",
                bundlePass.toString(), "--work-factor", "10", "--sign-passphrase-file", carrierPass.toString()));
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        return sealed;
    }

    CliHarness.Run inspect(String bundle, String... extra) {
        String[] base = {"inspect", dir.resolve(bundle).toString(), "--identity", dir.resolve("officer.key").toString(),
                "--passphrase-file", officerPass.toString(), "--trust", dir.resolve("carrier.pub").toString(),
                "--json"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void aPassphraseBundleOpensWithBundlePassphraseFile() throws Exception {
        sealPassphraseBundle();
        CliHarness.Run inspected = inspect("p.epiflow", "--bundle-passphrase-file", bundlePass.toString());
        assertThat(inspected.exit()).as(inspected.err()).isZero();
        assertThat(new ObjectMapper().readTree(inspected.out()).get("flowCells").asInt()).isEqualTo(4);
    }

    @Test
    void aWrongBundlePassphraseIsRefusedAsSuch() throws Exception {
        sealPassphraseBundle();
        Path wrong = write(dir, "wrong.pass", "not it\n");
        CliHarness.Run inspected = inspect("p.epiflow", "--bundle-passphrase-file", wrong.toString());
        assertThat(inspected.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(inspected.err()).contains("decryption check").contains("the passphrase is wrong");
    }

    @Test
    void withoutATerminalOrFileTheMessageNamesBundlePassphraseFile() throws Exception {
        sealPassphraseBundle();
        CliHarness.Run inspected = inspect("p.epiflow");
        assertThat(inspected.exit()).isNotZero();
        assertThat(inspected.err()).contains("passphrase of the bundle p.epiflow")
                .contains("use --bundle-passphrase-file FILE");
    }

    @Test
    void sealTakesTheSigningKeysPassphraseFromPassphraseFile() throws Exception {
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("o2.key").toString(),
                "--passphrase-file", officerPass.toString(), "--work-factor", "10");
        String recipient = officer.out().trim();
        CliHarness.Run sealed = run(seal("b.epiflow", "--to", recipient, "--passphrase-file",
                carrierPass.toString()));
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        assertThat(run("verify", dir.resolve("b.epiflow").toString(), "--trust",
                dir.resolve("carrier.pub").toString()).out()).contains("Signature OK");
    }

    @Test
    void sealWithoutAnyPassphraseFileNamesTheFlagThatIsNeeded() throws Exception {
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("o3.key").toString(),
                "--passphrase-file", officerPass.toString(), "--work-factor", "10");
        CliHarness.Run toOfficer = run(seal("b.epiflow", "--to", officer.out().trim()));
        assertThat(toOfficer.exit()).isNotZero();
        assertThat(toOfficer.err()).contains("passphrase of the signing key carrier.key")
                .contains("--passphrase-file (or --sign-passphrase-file)");
        CliHarness.Run toPassphrase = run(seal("p.epiflow", "--passphrase-recipient", "--passphrase-file",
                bundlePass.toString(), "--work-factor", "10"));
        assertThat(toPassphrase.exit()).isNotZero();
        assertThat(toPassphrase.err()).contains("use --sign-passphrase-file FILE");
    }
}
