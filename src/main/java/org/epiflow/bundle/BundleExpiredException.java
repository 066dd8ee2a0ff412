package org.epiflow.bundle;

/** The bundle's expiry date has passed. */
public class BundleExpiredException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleExpiredException(String message) {
        super(BundleCheck.EXPIRY, message);
    }

    public BundleExpiredException(String message, Throwable cause) {
        super(BundleCheck.EXPIRY, message, cause);
    }
}
