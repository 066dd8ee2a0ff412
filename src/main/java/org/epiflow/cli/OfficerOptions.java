package org.epiflow.cli;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.age.WrongPassphraseException;
import org.epiflow.data.audit.PendingUnlockFailures;
import org.epiflow.data.AppDirectories;
import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The options every officer-side command shares: the identity file, its passphrase, and the trust store. */
final class OfficerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--identity", required = true, description = "the officer's passphrase-protected identity file")
    Path identity;

    @Option(names = "--passphrase-file", description = "read the identity's passphrase from this file instead of "
            + "asking")
    Path passphraseFile;

    @Option(names = "--trust", required = true, description = "trusted carrier public key(s) (minisign .pub; a file "
            + "may hold several)")
    Path trust;

    @Option(names = "--bundle-passphrase-file", description = "for a bundle sealed to a passphrase (seal "
            + "--passphrase-recipient): read that passphrase from this file instead of asking")
    Path bundlePassphraseFile;

    /**
     * How to decrypt: with the officer's identity, and — for a bundle sealed to a passphrase — with the passphrase
     * from {@code --bundle-passphrase-file} or, on a terminal, asked for (up to three tries) once the bundle's
     * signature has verified.
     */
    BundleCredentials credentials(AgeIdentity id) {
        Texts texts = EpiflowCommand.texts(mixee);
        return BundleCredentials.of(id, (file, header, attempt) -> {
            try {
                if (bundlePassphraseFile != null) {
                    return attempt == 1 ? Secrets.passphrase(texts, bundlePassphraseFile,
                            Message.of("cli.prompt.bundle"), false, "--bundle-passphrase-file") : null;
                }
                if (attempt > 1 && System.console() != null) {
                    System.console().printf("%s%n", texts.get("cli.passphrase.wrongAgain"));
                }
                return Secrets.passphrase(texts, null, Message.of("cli.prompt.bundleOf",
                        String.valueOf(file.getFileName()), header.issuer()), false, "--bundle-passphrase-file");
            } catch (CliException e) {
                throw new CliException.Carried(e);
            }
        });
    }

    /** Unlocks the identity; the caller closes (wipes) it. A wrong passphrase is kept for the audit trail. */
    AgeIdentity unlock() throws IOException, CliException {
        return unlock(EpiflowCommand.texts(mixee), identity, passphraseFile,
                AppDirectories.pendingUnlocks(AppDirectories.workspacesRoot()));
    }

    /**
     * Unlocks an identity file; a wrong passphrase is recorded as a pending failed unlock in {@code pending}, folded
     * into the officer's audit trail at the next successful unlock.
     */
    static AgeIdentity unlock(Texts texts, Path identity, Path passphraseFile, Path pending) throws IOException,
            CliException {
        if (!Files.exists(identity)) {
            throw new CliException(Message.of("cli.identity.missing", identity));
        }
        char[] pass = Secrets.passphrase(texts, passphraseFile,
                Message.of("cli.prompt.identity", identity.getFileName()), false);
        try {
            return AgeIdentityFile.read(identity, pass);
        } catch (WrongPassphraseException e) {
            try {
                new PendingUnlockFailures(pending).record(identity, "wrong passphrase");
            } catch (IOException recordFailed) {
                e.addSuppressed(recordFailed);
            }
            throw new CliException(Message.of("cli.identity.wrongPassphrase", identity, ExitCodes.reason(e)));
        } catch (AgeException e) {
            throw new CliException(Message.of("cli.identity.unusable", identity, ExitCodes.reason(e)));
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    TrustStore trustStore() throws IOException, CliException {
        return trust(trust);
    }

    static TrustStore trust(Path file) throws IOException, CliException {
        if (!Files.exists(file)) {
            throw new CliException(Message.of("cli.trust.missing", file));
        }
        try {
            return TrustStore.load(file);
        } catch (MinisignException e) {
            throw new CliException(Message.of("cli.trust.unreadable", file, ExitCodes.reason(e)));
        }
    }
}
