package org.epiflow.bundle;

import org.epiflow.text.Message;

/** The bundle container is malformed, truncated or over a size limit. */
public class BundleFormatException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(Message message) {
        super(BundleCheck.CONTAINER, message);
    }

    public BundleFormatException(Message message, Throwable cause) {
        super(BundleCheck.CONTAINER, message, cause);
    }

    /** Shorthand for {@code new BundleFormatException(Message.of(key, args))}. */
    public BundleFormatException(String key, Object... args) {
        this(Message.of(key, args));
    }
}
