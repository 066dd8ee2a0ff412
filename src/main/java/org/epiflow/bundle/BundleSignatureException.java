package org.epiflow.bundle;

import org.epiflow.text.Message;

/** The carrier signature is missing, invalid, from an untrusted key, or does not cover this header. */
public class BundleSignatureException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleSignatureException(Message message) {
        super(BundleCheck.SIGNATURE, message);
    }

    public BundleSignatureException(Message message, Throwable cause) {
        super(BundleCheck.SIGNATURE, message, cause);
    }

    /** Shorthand for {@code new BundleSignatureException(Message.of(key, args))}. */
    public BundleSignatureException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
