package org.epiflow.bundle;

/** The payload could not be decrypted or authenticated with the officer's credentials. */
public class BundleDecryptionException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleDecryptionException(String message) {
        super(BundleCheck.DECRYPTION, message);
    }

    public BundleDecryptionException(String message, Throwable cause) {
        super(BundleCheck.DECRYPTION, message, cause);
    }
}
