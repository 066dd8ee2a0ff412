package org.epiflow.cli;

import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.WrongPassphraseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Loads a carrier's minisign secret key, asking for its passphrase only when it is encrypted. */
final class CarrierKeys {
    private CarrierKeys() {
    }

    static MinisignSecretKey load(org.epiflow.text.Texts texts, Path file, Path passphraseFile) throws IOException,
            CliException,
            MinisignException {
        return load(texts, file, passphraseFile, "--sign-passphrase-file");
    }

    /** As {@link #load(org.epiflow.text.Texts, Path, Path)}; {@code flag} names the option that gives the file. */
    static MinisignSecretKey load(org.epiflow.text.Texts texts, Path file, Path passphraseFile, String flag)
            throws IOException, CliException, MinisignException {
        if (!Files.exists(file)) {
            throw new CliException(org.epiflow.text.Message.of("cli.signKey.missing", file));
        }
        String text = Files.readString(file);
        try {
            return MinisignSecretKey.parse(text, null);
        } catch (WrongPassphraseException encrypted) {
            // encrypted: ask for its passphrase below
        }
        char[] pass = Secrets.passphrase(texts, passphraseFile,
                org.epiflow.text.Message.of("cli.prompt.signKey", file.getFileName()), false, flag);
        try {
            return MinisignSecretKey.parse(text, pass);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }
}
