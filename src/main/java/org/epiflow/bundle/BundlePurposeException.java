package org.epiflow.bundle;

import org.epiflow.text.Message;

/** The bundle is declared for a purpose other than epidemic prevention. */
public class BundlePurposeException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundlePurposeException(Message message) {
        super(BundleCheck.PURPOSE, message);
    }

    public BundlePurposeException(Message message, Throwable cause) {
        super(BundleCheck.PURPOSE, message, cause);
    }

    /** Shorthand for {@code new BundlePurposeException(Message.of(key, args))}. */
    public BundlePurposeException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
