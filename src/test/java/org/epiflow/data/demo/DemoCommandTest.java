package org.epiflow.data.demo;

import org.epiflow.cli.EpiflowCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code epiflow demo}: writes the folder, prints the figures, refuses to clobber, explains itself. */
class DemoCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = EpiflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheDemoAndPrintsItsFigures() throws Exception {
        Path out = dir.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--seed", "5", "--work-factor", "10");
        assertThat(r.code()).as(r.err()).isZero();
        System.out.print(r.out());
        assertThat(r.out()).contains("Regions          367").contains("Days             91")
                .contains("suppressed below k = 10").contains("Seed city        Wuhan (420100)")
                .contains("Reported cases").contains("passphrase: epiflow-demo");
        assertThat(DemoInstaller.isComplete(out)).isTrue();
    }

    @Test
    void refusesANonEmptyFolderUnlessForcedAndThenKeepsOtherFiles() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Run refused = run("demo", "--out", dir.toString(), "--work-factor", "10");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("is not empty").contains("--force");
        Run forced = run("demo", "--out", dir.toString(), "--work-factor", "10", "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        Run again = run("demo", "--out", dir.toString(), "--work-factor", "10", "--force", "--seed", "6");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("truth.json"))).contains("\"seed\" : 6");
    }

    @Test
    void usesAPassphraseFromAFile() throws Exception {
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "another passphrase\n");
        Path out = dir.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--work-factor", "10", "--passphrase-file", pass.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("epiflow-demo").doesNotContain("another passphrase");
        assertThat(Files.readString(out.resolve("README.txt"))).doesNotContain("epiflow-demo")
                .doesNotContain("another passphrase");
        try (var id = org.epiflow.bundle.age.AgeIdentityFile.read(out.resolve("officer.key"),
                "another passphrase".toCharArray())) {
            assertThat(id.recipient()).startsWith("age1");
        }
    }

    @Test
    void explainsItselfAndRejectsBadOptions() throws Exception {
        Run help = run("demo", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--out").contains("--seed").contains("--passphrase-file")
                .contains("--work-factor").contains("--force").contains("epiflow-demo");
        Run badFactor = run("demo", "--out", dir.resolve("x").toString(), "--work-factor", "9");
        assertThat(badFactor.code()).isEqualTo(2);
        assertThat(badFactor.err()).contains("--work-factor");
        Run noOut = run("demo");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        Run notDir = run("demo", "--out", file.toString(), "--work-factor", "10");
        assertThat(notDir.code()).isEqualTo(2);
        assertThat(notDir.err()).contains("not a folder");
    }
}
