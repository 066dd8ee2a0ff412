package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.text.Localized;
import org.epiflow.text.Message;

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

    /** A recipient list or passphrase that cannot be sealed to; its message is for the carrier. */
    public static final class Invalid extends IllegalArgumentException implements Localized {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        Invalid(String key, Object... args) {
            super(Message.of(key, args).english());
            this.message = Message.of(key, args);
        }

        @Override
        public Message message() {
            return message;
        }
    }

    /** Officers' {@code age1…} recipients, at most {@link BundleHeader#MAX_RECIPIENTS}. */
    public static SealRecipients officers(List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new Invalid("bundle.seal.noRecipient");
        }
        if (recipients.size() > BundleHeader.MAX_RECIPIENTS) {
            throw new Invalid("bundle.seal.tooManyRecipients", recipients.size(), BundleHeader.MAX_RECIPIENTS);
        }
        for (String r : recipients) {
            if (!AgeIdentity.isValidRecipient(r)) {
                throw new Invalid("bundle.seal.badRecipient", r);
            }
        }
        if (new java.util.HashSet<>(recipients).size() != recipients.size()) {
            throw new Invalid("bundle.seal.duplicateRecipient");
        }
        return new SealRecipients(recipients, null, 0);
    }

    public static SealRecipients passphrase(char[] passphrase, int logN) {
        if (passphrase.length == 0) {
            throw new Invalid("bundle.seal.emptyPassphrase");
        }
        if (logN < 10 || logN > BundleLimits.DEFAULT.maxScryptLogN()) {
            throw new Invalid("bundle.seal.workFactor", 10, BundleLimits.DEFAULT.maxScryptLogN());
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
