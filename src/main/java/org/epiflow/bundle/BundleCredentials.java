package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the officer decrypts: with an X25519 identity (normally unlocked from the officer's identity file) and, for a
 * bundle sealed to a passphrase, with that passphrase — given up front, or asked for through a
 * {@link PassphraseSource} once the bundle's signature has verified. A passphrase given up front is copied and wiped
 * by {@link #close()}.
 */
public final class BundleCredentials implements AutoCloseable {
    private final AgeIdentity identity;
    private final char[] passphrase;
    private final PassphraseSource source;

    private BundleCredentials(AgeIdentity identity, char[] passphrase, PassphraseSource source) {
        this.identity = identity;
        this.passphrase = passphrase;
        this.source = source;
    }

    /** Decrypt with an identity; the caller keeps ownership of the identity (closing this does not wipe it). */
    public static BundleCredentials of(AgeIdentity identity) {
        return new BundleCredentials(Objects.requireNonNull(identity, "identity"), null, null);
    }

    /**
     * Decrypt officers' bundles with {@code identity} and passphrase bundles with what {@code passphrases} gives
     * (either may be null).
     */
    public static BundleCredentials of(AgeIdentity identity, PassphraseSource passphrases) {
        return new BundleCredentials(identity, null, passphrases);
    }

    /** Decrypt a passphrase bundle; the passphrase is copied. */
    public static BundleCredentials ofPassphrase(char[] passphrase) {
        return new BundleCredentials(null, passphrase.clone(), null);
    }

    AgeIdentity identity() {
        return identity;
    }

    /** Whether a passphrase bundle can be opened with these credentials. */
    boolean canAskPassphrase() {
        return passphrase != null || source != null;
    }

    /** The passphrase to try ({@code attempt} from 1), a copy the caller wipes; null when there is none (more). */
    char[] passphrase(java.nio.file.Path file, BundleHeader header, int attempt) throws java.io.IOException {
        if (passphrase != null) {
            return attempt == 1 ? passphrase.clone() : null;
        }
        return source == null ? null : source.passphrase(file, header, attempt);
    }

    @Override
    public void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
