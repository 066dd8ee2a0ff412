package org.epiflow.bundle;

import java.util.Arrays;
import java.util.List;

/**
 * Who may open a bundle: officers' X25519 recipients ({@code age1…}), or — alone, as the age format requires for
 * scrypt stanzas — a passphrase. {@link #close()} wipes the passphrase copy.
 */
public final class SealRecipients implements AutoCloseable {
    /** age's default work factor for passphrases. */
    public static final int DEFAULT_LOG_N = 18;

    private final List<String> x25519;
    private final char[] passphrase;
    private final int logN;

    private SealRecipients(List<String> x25519, char[] passphrase, int logN) {
        this.x25519 = List.copyOf(x25519);
        this.passphrase = passphrase;
        this.logN = logN;
    }

    public static SealRecipients officers(List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is needed");
        }
        for (String r : recipients) {
            if (!r.startsWith("age1") || r.length() < 10) {
                throw new IllegalArgumentException("'" + r + "' is not an age X25519 recipient (age1…)");
            }
        }
        return new SealRecipients(recipients, null, 0);
    }

    public static SealRecipients passphrase(char[] passphrase, int logN) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        if (logN < 1 || logN > 20) {
            throw new IllegalArgumentException("the scrypt work factor must be between 1 and 20");
        }
        return new SealRecipients(List.of(), passphrase.clone(), logN);
    }

    public List<String> x25519() {
        return x25519;
    }

    char[] passphraseChars() {
        return passphrase;
    }

    int logN() {
        return logN;
    }

    public boolean isPassphrase() {
        return passphrase != null;
    }

    @Override
    public void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
