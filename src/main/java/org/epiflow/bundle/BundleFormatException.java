package org.epiflow.bundle;

/** The bundle container is malformed, truncated or over a size limit. */
public class BundleFormatException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(BundleCheck.CONTAINER, message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(BundleCheck.CONTAINER, message, cause);
    }
}
