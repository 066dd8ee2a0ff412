package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

/**
 * An encrypted secret key could not be unlocked: the checksum of the decrypted key does not match, which means the
 * passphrase is wrong (or no passphrase was given for an encrypted key).
 */
public class WrongPassphraseException extends MinisignException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public WrongPassphraseException(Message message) {
        super(message);
    }
}
