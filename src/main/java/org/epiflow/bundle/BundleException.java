package org.epiflow.bundle;

/**
 * A bundle was refused. Says which {@link BundleCheck} failed and, in the message, exactly what was wrong;
 * subclasses narrow the kind. Never carries decrypted table content in its message.
 */
public class BundleException extends Exception {
    private static final long serialVersionUID = 1L;
    private final BundleCheck check;

    public BundleException(BundleCheck check, String message) {
        super(message);
        this.check = check;
    }

    public BundleException(BundleCheck check, String message, Throwable cause) {
        super(message, cause);
        this.check = check;
    }

    /** The check that failed. */
    public BundleCheck check() {
        return check;
    }

    /** A one-paragraph explanation for users: which check failed, what exactly, and what to do. */
    public String userMessage() {
        return "Refused by the " + check.title() + " check: " + getMessage() + "\n" + check.advice();
    }
}
