package org.epiflow.bundle;

/** The bundle is declared for a purpose other than epidemic prevention. */
public class BundlePurposeException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundlePurposeException(String message) {
        super(BundleCheck.PURPOSE, message);
    }

    public BundlePurposeException(String message, Throwable cause) {
        super(BundleCheck.PURPOSE, message, cause);
    }
}
