package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

/** The signature was made by a key whose id is not in the {@link TrustStore}. */
public class UntrustedKeyException extends MinisignException {

    private static final long serialVersionUID = 1L;

    private final String keyIdHex;

    /** @param keyIdHex the signature's key id as minisign prints it (uppercase hex, not zero-padded) */
    public UntrustedKeyException(String keyIdHex) {
        super(Message.of("minisign.key.untrusted", keyIdHex));
        this.keyIdHex = keyIdHex;
    }

    /** @return the unknown key id as minisign prints it */
    public String keyIdHex() {
        return keyIdHex;
    }
}
