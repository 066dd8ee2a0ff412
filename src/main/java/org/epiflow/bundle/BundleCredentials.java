package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the officer decrypts: with an X25519 identity (normally unlocked from the officer's identity file) or, for a
 * bundle sealed to a passphrase, with that passphrase. The passphrase is copied and wiped by {@link #close()}.
 */
public final class BundleCredentials implements AutoCloseable {
    private final AgeIdentity identity;
    private final char[] passphrase;

    private BundleCredentials(AgeIdentity identity, char[] passphrase) {
        this.identity = identity;
        this.passphrase = passphrase;
    }

    /** Decrypt with an identity; the caller keeps ownership of the identity (closing this does not wipe it). */
    public static BundleCredentials of(AgeIdentity identity) {
        return new BundleCredentials(Objects.requireNonNull(identity, "identity"), null);
    }

    /** Decrypt a passphrase bundle; the passphrase is copied. */
    public static BundleCredentials ofPassphrase(char[] passphrase) {
        return new BundleCredentials(null, passphrase.clone());
    }

    AgeIdentity identity() {
        return identity;
    }

    char[] passphrase() {
        return passphrase;
    }

    @Override
    public void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
