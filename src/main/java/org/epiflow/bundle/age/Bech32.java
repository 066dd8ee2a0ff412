package org.epiflow.bundle.age;

import java.util.Arrays;

/**
 * Minimal Bech32 (BIP 173, original checksum constant) codec as used by age for recipients ({@code age1…}) and
 * identities ({@code AGE-SECRET-KEY-1…}). Works on {@code char[]} so secret keys never become {@link String}s.
 * Like age, it has no 90-character limit and keeps the human-readable part's case; mixed case is rejected.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** A decoded Bech32 string: human-readable part (case preserved) and 8-bit data. */
    static final class Decoded {
        final String hrp;
        final byte[] data;

        Decoded(String hrp, byte[] data) {
            this.hrp = hrp;
            this.data = data;
        }
    }

    /**
     * Encodes data. The result is lowercase unless {@code upper} is set.
     */
    static char[] encode(String hrp, byte[] data, boolean upper) {
        byte[] values = convertBits(data, 8, 5, true);
        String lowerHrp = hrp.toLowerCase(java.util.Locale.ROOT);
        int[] checksum = checksum(lowerHrp, values);
        char[] out = new char[hrp.length() + 1 + values.length + 6];
        int i = 0;
        for (char c : hrp.toCharArray()) {
            out[i++] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
        }
        out[i++] = '1';
        for (byte v : values) {
            out[i++] = CHARSET.charAt(v);
        }
        for (int c : checksum) {
            out[i++] = CHARSET.charAt(c);
        }
        Arrays.fill(values, (byte) 0);
        if (upper) {
            for (int j = 0; j < out.length; j++) {
                out[j] = Character.toUpperCase(out[j]);
            }
        }
        return out;
    }

    /**
     * Decodes a Bech32 string. Throws {@link IllegalArgumentException} (with a message free of the input, which
     * may be secret) on any malformation.
     */
    static Decoded decode(char[] s) {
        boolean lower = false;
        boolean upper = false;
        for (char c : s) {
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("invalid character");
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        if (lower && upper) {
            throw new IllegalArgumentException("mixed case");
        }
        int pos = -1;
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] == '1') {
                pos = i;
                break;
            }
        }
        if (pos < 1 || pos + 7 > s.length) {
            throw new IllegalArgumentException("separator misplaced");
        }
        String hrp = new String(s, 0, pos);
        byte[] values = new byte[s.length - pos - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(Character.toLowerCase(s[pos + 1 + i]));
            if (v < 0) {
                throw new IllegalArgumentException("invalid data character");
            }
            values[i] = (byte) v;
        }
        if (polymod(hrp.toLowerCase(java.util.Locale.ROOT), values) != 1) {
            Arrays.fill(values, (byte) 0);
            throw new IllegalArgumentException("invalid checksum");
        }
        byte[] data = convertBits(Arrays.copyOf(values, values.length - 6), 5, 8, false);
        Arrays.fill(values, (byte) 0);
        return new Decoded(hrp, data);
    }

    private static int polymod(String hrp, byte[] values) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte v : values) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5 ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static int[] checksum(String hrp, byte[] values) {
        byte[] padded = Arrays.copyOf(values, values.length + 6);
        int mod = polymod(hrp, padded) ^ 1;
        Arrays.fill(padded, (byte) 0);
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (mod >>> 5 * (5 - i)) & 31;
        }
        return out;
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        int total = in.length * from;
        byte[] out = new byte[pad ? (total + to - 1) / to : total / to];
        int n = 0;
        for (byte b : in) {
            int value = b & 0xff;
            if (value >>> from != 0) {
                throw new IllegalArgumentException("invalid data range");
            }
            acc = (acc << from | value) & 0xffff;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out[n++] = (byte) (acc >>> bits & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out[n++] = (byte) (acc << to - bits & maxv);
            }
        } else if (bits >= from || (acc << to - bits & maxv) != 0) {
            Arrays.fill(out, (byte) 0);
            throw new IllegalArgumentException("invalid padding");
        }
        return out;
    }
}
