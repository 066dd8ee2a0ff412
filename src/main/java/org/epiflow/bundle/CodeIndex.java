package org.epiflow.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Looks up region codes given as byte ranges (no String allocation per row): open addressing over the codes. */
final class CodeIndex {
    private final byte[][] keys;
    private final short[] values;
    private final int mask;

    CodeIndex(List<String> codes) {
        int cap = Integer.highestOneBit(Math.max(4, codes.size() * 4) - 1) << 1;
        keys = new byte[cap][];
        values = new short[cap];
        mask = cap - 1;
        for (int i = 0; i < codes.size(); i++) {
            byte[] k = codes.get(i).getBytes(StandardCharsets.UTF_8);
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            values[slot] = (short) i;
        }
    }

    /** The index of the code in {@code b[from..to)}, or -1. */
    int find(byte[] b, int from, int to) {
        int slot = hash(b, from, to) & mask;
        while (true) {
            byte[] k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
