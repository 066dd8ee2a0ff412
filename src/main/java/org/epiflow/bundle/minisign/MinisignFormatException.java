package org.epiflow.bundle.minisign;

/**
 * Malformed minisign text or bytes: a missing or misplaced comment line, bad base64, a wrong length
 * (for example "signature is 65 bytes, expected 64"), an unknown algorithm or an unacceptable scrypt work factor.
 */
public class MinisignFormatException extends MinisignException {

    private static final long serialVersionUID = 1L;

    /** @param message what is malformed */
    public MinisignFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is malformed
     * @param cause   underlying error
     */
    public MinisignFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
