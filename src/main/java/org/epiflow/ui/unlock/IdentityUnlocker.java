package org.epiflow.ui.unlock;

import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.TrustStore;

import java.nio.file.Path;

/** Turns the chosen files and the passphrase into a {@link Session}. Slow (scrypt): call it in the background. */
@FunctionalInterface
public interface IdentityUnlocker {
    /**
     * @param passphrase not retained; the caller wipes it afterwards
     * @throws org.epiflow.bundle.age.WrongPassphraseException       wrong passphrase
     * @throws org.epiflow.bundle.minisign.MinisignFormatException    the trust store is not a minisign public key file
     * @throws org.epiflow.bundle.age.AgeException                    the identity file is not a protected age identity
     */
    Session unlock(Path identityFile, char[] passphrase, Path trustStore) throws Exception;

    /** The real thing: reads the trust store, then decrypts the identity file. */
    static IdentityUnlocker files() {
        return (identityFile, passphrase, trustStore) -> {
            TrustStore trust = TrustStore.load(trustStore);
            return new Session(AgeIdentityFile.read(identityFile, passphrase), trust, identityFile);
        };
    }
}
