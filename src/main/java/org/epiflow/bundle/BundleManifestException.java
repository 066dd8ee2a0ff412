package org.epiflow.bundle;

import org.epiflow.text.Message;

/** The manifest does not follow the schema, or a table does not match its declared hash or row count. */
public class BundleManifestException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleManifestException(Message message) {
        super(BundleCheck.MANIFEST, message);
    }

    public BundleManifestException(Message message, Throwable cause) {
        super(BundleCheck.MANIFEST, message, cause);
    }

    /** Shorthand for {@code new BundleManifestException(Message.of(key, args))}. */
    public BundleManifestException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
