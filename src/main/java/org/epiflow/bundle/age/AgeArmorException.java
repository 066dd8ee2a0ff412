package org.epiflow.bundle.age;

/**
 * The ASCII armor (<code>-----BEGIN AGE ENCRYPTED FILE-----</code>) around an age file is malformed. A kind of {@link AgeHeaderException}: the input is not a well-formed age file.
 */
public class AgeArmorException extends AgeHeaderException {
    private static final long serialVersionUID = 1L;

    /** Default message. */
    static final String DEFAULT_MESSAGE = "the ASCII-armored file is malformed (it was altered or wrapped incorrectly)";

    /** Creates the exception with the default message. */
    public AgeArmorException() {
        super(DEFAULT_MESSAGE);
    }

    /**
     * @param message human-readable explanation
     */
    public AgeArmorException(String message) {
        super(message);
    }

    /**
     * @param message human-readable explanation
     * @param cause   underlying failure, kept for diagnostics
     */
    public AgeArmorException(String message, Throwable cause) {
        super(message, cause);
    }
}
