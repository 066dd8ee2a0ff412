package org.epiflow.bundle;

/** The manifest does not follow the schema, or a table does not match its declared hash or row count. */
public class BundleManifestException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleManifestException(String message) {
        super(BundleCheck.MANIFEST, message);
    }

    public BundleManifestException(String message, Throwable cause) {
        super(BundleCheck.MANIFEST, message, cause);
    }
}
