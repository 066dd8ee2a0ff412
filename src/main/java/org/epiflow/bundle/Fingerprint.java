package org.epiflow.bundle;

import java.util.HexFormat;

/** The short, human-comparable fingerprint of a bundle: the first 8 bytes of its signed BLAKE2b-512 digest. */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(byte[] blake2b512) {
        String hex = HexFormat.of().withUpperCase().formatHex(blake2b512, 0, 8);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12);
    }
}
