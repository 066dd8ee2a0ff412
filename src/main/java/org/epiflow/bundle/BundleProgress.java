package org.epiflow.bundle;

/**
 * The caller's side while a bundle opens or seals: receives progress, may ask to cancel and — for a bundle sealed to
 * a passphrase, when the credentials hold none — may be asked for the passphrase (an app asks its user).
 */
public interface BundleProgress {
    /** Does nothing and never cancels. */
    BundleProgress NONE = (stage, fraction) -> { };

    /**
     * Called now and then.
     *
     * @param stage    what is happening
     * @param fraction 0..1 for the whole operation
     */
    void update(BundleStage stage, double fraction);

    /** Polled often; returning true stops the operation with {@link BundleCancelledException}. */
    default boolean isCancelled() {
        return false;
    }

    /** Whether {@link #passphrase} can be asked (the default cannot). */
    default boolean asksPassphrase() {
        return false;
    }

    /**
     * The passphrase of a bundle sealed to one, asked only once its signature verified; null when the user
     * declines. See {@link PassphraseSource#passphrase}.
     */
    default char[] passphrase(java.nio.file.Path file, BundleHeader header, int attempt) throws java.io.IOException {
        return null;
    }
}
