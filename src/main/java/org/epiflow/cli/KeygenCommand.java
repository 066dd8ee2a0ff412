package org.epiflow.cli;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.ScryptParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code epiflow keygen officer|carrier}: makes an officer's identity or a carrier's signing key pair. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make keys.",
                "  officer: a passphrase-protected age X25519 identity file (same as `age-keygen | age -p`);"
                        + " prints the age1… recipient carriers seal to.",
                "  carrier: a minisign key pair (KEY and KEY's .pub) for signing bundles."})
final class KeygenCommand implements Callable<Integer> {
    enum Kind { officer, carrier }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "officer or carrier")
    Kind kind;

    @Option(names = "--out", required = true, description = "file to write (refused if it exists)")
    Path out;

    @Option(names = "--passphrase-file", description = "read the new passphrase from this file instead of asking")
    Path passphraseFile;

    @Option(names = "--no-passphrase", description = "carrier only: leave the secret key unencrypted")
    boolean noPassphrase;

    @Option(names = "--work-factor", description = "scrypt work factor log2(N) for the officer file (default: "
            + "${DEFAULT-VALUE}, as age)", defaultValue = "18")
    int workFactor;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new CliException(Message.of("cli.keygen.exists", out));
        }
        return kind == Kind.officer ? officer() : carrier();
    }

    private int officer() throws Exception {
        if (noPassphrase) {
            throw new CliException(Message.of("cli.keygen.officerNeedsPassphrase"));
        }
        if (workFactor < 10 || workFactor > 20) {
            throw new CliException(Message.of("cli.workFactor.range"));
        }
        Texts t = EpiflowCommand.texts(spec);
        char[] pass = Secrets.passphrase(t, passphraseFile, Message.of("cli.prompt.newIdentity"), true);
        try (AgeIdentity id = AgeIdentity.generate()) {
            AgeIdentityFile.write(out, id, pass, workFactor);
            spec.commandLine().getOut().println(id.recipient());
            spec.commandLine().getErr().println(t.get("cli.keygen.officerDone", out, id.keyId()));
        } finally {
            Arrays.fill(pass, '\0');
        }
        return 0;
    }

    private int carrier() throws Exception {
        Path pub = Path.of(out + ".pub");
        String name = out.getFileName().toString();
        if (name.endsWith(".key")) {
            pub = out.resolveSibling(name.substring(0, name.length() - 4) + ".pub");
        }
        if (Files.exists(pub)) {
            throw new CliException(Message.of("cli.keygen.exists", pub));
        }
        Texts t = EpiflowCommand.texts(spec);
        char[] pass = noPassphrase ? null
                : Secrets.passphrase(t, passphraseFile, Message.of("cli.prompt.newSignKey"), true);
        try (MinisignSecretKey key = MinisignSecretKey.generate()) {
            key.write(out, pass, ScryptParams.MINISIGN_DEFAULT);
            key.publicKey().write(pub);
            spec.commandLine().getOut().println(key.publicKey().toBase64());
            spec.commandLine().getErr().println(t.get("cli.keygen.carrierDone", out, pub, key.keyIdHex(),
                    pub.getFileName()));
        } finally {
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
        return 0;
    }
}
