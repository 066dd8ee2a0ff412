package org.epiflow.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Looks up region codes given as byte ranges, without allocating per row. Codes of up to 7 bytes (such as the
 * 6-digit GB/T 2260 codes) are packed into a {@code long} and found in an open-addressing table of longs; longer
 * codes use a table of byte arrays.
 */
final class CodeIndex {
    private final long[] shortKeys;
    private final short[] shortValues;
    private final byte[][] longKeys;
    private final short[] longValues;
    private final int mask;

    CodeIndex(List<String> codes) {
        int cap = Integer.highestOneBit(Math.max(4, codes.size() * 4) - 1) << 1;
        mask = cap - 1;
        shortKeys = new long[cap];
        shortValues = new short[cap];
        longKeys = new byte[cap][];
        longValues = new short[cap];
        Arrays.fill(shortValues, (short) -1);
        for (int i = 0; i < codes.size(); i++) {
            byte[] k = codes.get(i).getBytes(StandardCharsets.UTF_8);
            if (k.length == 0) {
                continue;
            }
            if (k.length <= 7) {
                long packed = pack(k, 0, k.length);
                int slot = mix(packed) & mask;
                while (shortValues[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                shortKeys[slot] = packed;
                shortValues[slot] = (short) i;
            } else {
                int slot = hash(k, 0, k.length) & mask;
                while (longKeys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                longKeys[slot] = k;
                longValues[slot] = (short) i;
            }
        }
    }

    /** The index of the code in {@code b[from..to)}, or -1. */
    int find(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return -1;
        }
        if (len <= 7) {
            long packed = pack(b, from, to);
            int slot = mix(packed) & mask;
            while (true) {
                short v = shortValues[slot];
                if (v < 0) {
                    return -1;
                }
                if (shortKeys[slot] == packed) {
                    return v;
                }
                slot = (slot + 1) & mask;
            }
        }
        int slot = hash(b, from, to) & mask;
        while (true) {
            byte[] k = longKeys[slot];
            if (k == null) {
                return -1;
            }
            if (k.length == len && Arrays.equals(k, 0, k.length, b, from, to)) {
                return longValues[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Packs 1..7 bytes into a long: the length in the top byte, the bytes right-aligned below it (unique). */
    private static long pack(byte[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v | ((long) (to - from) << 56);
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
