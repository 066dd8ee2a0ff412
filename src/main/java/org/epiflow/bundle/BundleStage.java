package org.epiflow.bundle;

import org.epiflow.text.Message;

/** What the bundle reader is doing, reported through {@link BundleProgress}; words: {@code bundle.stage.*}. */
public enum BundleStage {
    /** Reading the container and the signature file. */
    CHECKING_FILE("checkingFile"),
    /** Hashing the encrypted data part to check the carrier's signature. */
    VERIFYING_SIGNATURE("verifyingSignature"),
    /** Waiting for the passphrase of a bundle sealed to one. */
    ASKING_PASSPHRASE("askingPassphrase"),
    /** Decrypting the payload and checking its tables. */
    DECRYPTING("decrypting"),
    /** Every check passed. */
    OPENED("opened");

    private final String key;

    BundleStage(String key) {
        this.key = key;
    }

    /** The words for this stage. */
    public Message message() {
        return Message.of("bundle.stage." + key);
    }
}
