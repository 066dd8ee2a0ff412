package org.epiflow.bundle;

/** Receives progress while a bundle opens or seals, and may ask to cancel. */
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
}
