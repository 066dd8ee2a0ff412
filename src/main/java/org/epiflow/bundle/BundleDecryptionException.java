package org.epiflow.bundle;

import org.epiflow.text.Message;

/** The payload could not be decrypted or authenticated with the officer's credentials. */
public class BundleDecryptionException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleDecryptionException(Message message) {
        super(BundleCheck.DECRYPTION, message);
    }

    public BundleDecryptionException(Message message, Throwable cause) {
        super(BundleCheck.DECRYPTION, message, cause);
    }

    /** Shorthand for {@code new BundleDecryptionException(Message.of(key, args))}. */
    public BundleDecryptionException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
