package org.epiflow.cli;

import org.epiflow.bundle.BundleContainerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epiflow.cli.CliHarness.run;
import static org.epiflow.cli.CliHarness.write;

/**
 * Text from a bundle or a file name never drives the terminal (issue 13, item 3): control characters, carriage
 * returns and bidirectional overrides reach the terminal as visible {@code \\uXXXX} escapes, so a hostile
 * {@code header.json} cannot overwrite the refusal with a fake "Signature OK".
 */
class TerminalEscapesCliTest {
    static final String FORGED = "\u001B[1A\u001B[2K\rSignature OK\u001B[0m";

    @TempDir
    Path dir;

    /** No character that acts on a terminal, except the line ends. */
    static void assertInert(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            assertThat(lineEnd || !org.epiflow.text.Untrusted.unsafe(c))
                    .as("character U+%04X at %d in: %s", (int) c, i, text).isTrue();
        }
    }

    @Test
    void anUnsignedHeaderCannotForgeSignatureOk() throws Exception {
        assertThat(run("keygen", "carrier", "--out", dir.resolve("x.key").toString(), "--no-passphrase").exit())
                .isZero();
        byte[] header = ("{\"format\":\"" + FORGED.replace("\u001B", "\\u001b").replace("\r", "\\r")
                + "\",\"formatVersion\":1,\"bundleId\":\"x\",\"issuer\":\"x\",\"created\":\"2020-01-01T00:00:00Z\","
                + "\"signerKeyId\":\"1\",\"recipients\":[{\"type\":\"scrypt\"}]}").getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("forged.epiflow");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            BundleContainerWriter w = new BundleContainerWriter(ch, header);
            w.payloadChannel().write(ByteBuffer.wrap(new byte[64]));
            w.finishPayload();
            w.finish("not a signature\n".getBytes(StandardCharsets.UTF_8));
        }
        CliHarness.Run v = run("verify", file.toString(), "--trust", dir.resolve("x.pub").toString());
        assertThat(v.exit()).isEqualTo(ExitCodes.REFUSED);
        assertInert(v.err());
        assertThat(v.err()).contains("\\u001B[1A\\u001B[2K\\u000DSignature OK");
        assertThat(v.out()).isEmpty();
    }

    @Test
    void aSignedIssuerWithEscapesIsShownInertByVerifyAndInspect() throws Exception {
        Path pass = write(dir, "officer.pass", "officer passphrase\n");
        CliHarness.Run officer = run("keygen", "officer", "--out", dir.resolve("officer.key").toString(),
                "--passphrase-file", pass.toString(), "--work-factor", "10");
        assertThat(run("keygen", "carrier", "--out", dir.resolve("carrier.key").toString(), "--no-passphrase")
                .exit()).isZero();
        write(dir, "regions.csv", CliHarness.REGIONS);
        write(dir, "flows.csv", CliHarness.FLOWS);
        String issuer = "Carrier\u001B]0;owned\u0007\u202Egnp.exe\u009B2J";
        CliHarness.Run sealed = run("seal", "--regions", dir.resolve("regions.csv").toString(), "--flows",
                dir.resolve("flows.csv").toString(), "--k", "10", "--expires", "2099-12-31", "--sign",
                dir.resolve("carrier.key").toString(), "--issuer", issuer, "--geography", "prefecture\u001B[8m",
                "--to", officer.out().trim(), "--out", dir.resolve("b.epiflow").toString());
        assertThat(sealed.exit()).as(sealed.err()).isZero();
        CliHarness.Run v = run("verify", dir.resolve("b.epiflow").toString(), "--trust",
                dir.resolve("carrier.pub").toString());
        assertThat(v.exit()).as(v.err()).isZero();
        assertInert(v.out());
        assertThat(v.out()).contains("Carrier\\u001B]0;owned\\u0007\\u202Egnp.exe\\u009B2J");
        for (String json : new String[] {"--json", null}) {
            CliHarness.Run i = json == null
                    ? run("inspect", dir.resolve("b.epiflow").toString(), "--identity",
                    dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                    dir.resolve("carrier.pub").toString())
                    : run("inspect", dir.resolve("b.epiflow").toString(), "--identity",
                    dir.resolve("officer.key").toString(), "--passphrase-file", pass.toString(), "--trust",
                    dir.resolve("carrier.pub").toString(), json);
            assertThat(i.exit()).as(i.err()).isZero();
            assertInert(i.out());
            assertThat(i.out()).containsIgnoringCase("\\u202e").containsIgnoringCase("\\u009b");
        }
    }

    @Test
    void aFileNameWithEscapesIsShownInert() {
        CliHarness.Run v = run("verify", dir.resolve("\u001B[31mred\rSignature OK.epiflow").toString(), "--trust",
                dir.resolve("none.pub").toString());
        assertThat(v.exit()).isNotZero();
        assertInert(v.err());
    }

    @Test
    void theTerminalWriterPassesLineEndsAndEscapesTheRest() {
        StringWriter s = new StringWriter();
        try (var w = EpiflowCommand.terminal(s)) {
            w.print("a\r\nb\nc\rd\u001Be\u202Ef\t武汉\u2028");
        }
        assertThat(s.toString()).isEqualTo("a\r\nb\nc\\u000Dd\\u001Be\\u202Ef\\u0009武汉\\u2028");
    }
}
