package org.epiflow.bundle;

/** The carrier signature is missing, invalid, from an untrusted key, or does not cover this header. */
public class BundleSignatureException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleSignatureException(String message) {
        super(BundleCheck.SIGNATURE, message);
    }

    public BundleSignatureException(String message, Throwable cause) {
        super(BundleCheck.SIGNATURE, message, cause);
    }
}
