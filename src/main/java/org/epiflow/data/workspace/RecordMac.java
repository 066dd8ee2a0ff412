package org.epiflow.data.workspace;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The MAC every stored record carries: HMAC-SHA256, under a key derived from the officer's identity
 * ({@code epiflow/workspace/v1/record-hmac-key}), over a canonical, length-prefixed encoding of
 * {@code (table, row key, row version, field 1, field 2, …)}. Binding the table and row key means a record cannot be
 * moved to another row or table; binding the version means an older copy of a row does not pass for its newer
 * version in the table digests ({@link RecordDigests}). Checked on every read, before a value is used.
 *
 * <p>Field encoding: a one-byte type tag, then null: nothing; text: 4-byte length + UTF-8; whole numbers: 8 bytes;
 * bytes: 4-byte length + bytes; instants and dates: their ISO-8601 text as for text; booleans: one byte.
 */
final class RecordMac {
    private static final byte[] DOMAIN = "EPIFLOW-RECORD-V1\n".getBytes(StandardCharsets.US_ASCII);
    private final Mac prototype;

    RecordMac(byte[] key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Starts the MAC of one row. */
    Builder of(String table, String rowKey, long version) {
        Mac m;
        synchronized (prototype) {
            try {
                m = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
            }
        }
        Builder b = new Builder(m);
        m.update(DOMAIN);
        b.text(table).text(rowKey).number(version);
        return b;
    }

    /** The fields of one row, in order; then {@link #mac()} or {@link #matches(byte[])}. */
    static final class Builder {
        private final Mac mac;

        private Builder(Mac mac) {
            this.mac = mac;
        }

        Builder add(Object value) {
            if (value == null) {
                mac.update((byte) 0);
            } else if (value instanceof String s) {
                text(s);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                number(((Number) value).longValue());
            } else if (value instanceof byte[] b) {
                bytes(b);
            } else if (value instanceof Instant i) {
                mac.update((byte) 4);
                lp(i.toString().getBytes(StandardCharsets.UTF_8));
            } else if (value instanceof LocalDate d) {
                mac.update((byte) 5);
                lp(d.toString().getBytes(StandardCharsets.UTF_8));
            } else if (value instanceof Boolean b) {
                mac.update((byte) 6);
                mac.update((byte) (b ? 1 : 0));
            } else {
                throw new IllegalArgumentException("no canonical encoding for " + value.getClass().getSimpleName());
            }
            return this;
        }

        Builder addAll(Object... values) {
            for (Object v : values) {
                add(v);
            }
            return this;
        }

        private Builder text(String s) {
            mac.update((byte) 1);
            lp(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        private Builder number(long n) {
            mac.update((byte) 2);
            mac.update(ByteBuffer.allocate(8).putLong(n).array());
            return this;
        }

        private Builder bytes(byte[] b) {
            mac.update((byte) 3);
            lp(b);
            return this;
        }

        private void lp(byte[] b) {
            mac.update(ByteBuffer.allocate(4).putInt(b.length).array());
            mac.update(b);
        }

        byte[] mac() {
            return mac.doFinal();
        }

        /** Constant-time comparison with a stored MAC (false for null or a wrong length). */
        boolean matches(byte[] stored) {
            byte[] m = mac();
            return stored != null && stored.length == m.length && MessageDigest.isEqual(m, stored);
        }
    }
}
