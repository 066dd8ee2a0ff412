package org.epiflow.bundle.age;

import java.util.Base64;

/** age's canonical Base64: standard alphabet, no padding, no line breaks, zero trailing bits. */
final class StrictBase64 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private StrictBase64() {
    }

    static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /**
     * @return the decoded bytes, or null if the text is not canonical unpadded Base64
     */
    static byte[] decodeOrNull(String text) {
        if (text.indexOf('=') >= 0 || text.length() % 4 == 1) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return ENCODER.encodeToString(decoded).equals(text) ? decoded : null;
    }
}
