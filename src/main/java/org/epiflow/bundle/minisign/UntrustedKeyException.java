package org.epiflow.bundle.minisign;

/** The signature was made by a key whose id is not in the {@link TrustStore}. */
public class UntrustedKeyException extends MinisignException {

    private static final long serialVersionUID = 1L;

    private final String keyIdHex;

    /** @param keyIdHex the signature's key id as minisign prints it (uppercase hex, not zero-padded) */
    public UntrustedKeyException(String keyIdHex) {
        super("the signature was made by key " + keyIdHex + ", which is not in the trust store");
        this.keyIdHex = keyIdHex;
    }

    /** @return the unknown key id as minisign prints it */
    public String keyIdHex() {
        return keyIdHex;
    }
}
