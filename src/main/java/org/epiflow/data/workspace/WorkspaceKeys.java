package org.epiflow.data.workspace;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.epiflow.bundle.age.AgeIdentity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The workspace's keys, all derived from the officer's unlocked X25519 identity with HKDF-SHA256 (RFC 5869):
 * input key material = the 32 private-key bytes, salt = the workspace's random 32-byte salt (stored beside the
 * database in {@code workspace.meta}), info = one fixed, versioned string per key. Nothing is derived from a fixed
 * secret, and no key is ever written to disk. {@link #close()} wipes every key this object holds.
 */
final class WorkspaceKeys implements AutoCloseable {
    /** Info strings; bump the version suffix if the derivation ever changes. */
    static final String INFO_DB_FILE = "epiflow/workspace/v1/h2-file-key";
    static final String INFO_DB_USER = "epiflow/workspace/v1/h2-user-password";
    static final String INFO_AUDIT_MAC = "epiflow/workspace/v1/audit-hmac-key";
    static final String INFO_KEY_CHECK = "epiflow/workspace/v1/key-check";
    static final String INFO_RECORD_MAC = "epiflow/workspace/v1/record-hmac-key";
    static final String INFO_JOURNAL = "epiflow/workspace/v1/audit-journal-aead-key";
    static final String INFO_BACKUP = "epiflow/workspace/v1/backup-key";
    static final int KEY_BYTES = 32;
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private final byte[] dbFile;
    private final byte[] dbUser;
    private final byte[] auditMac;
    private final byte[] keyCheck;
    private final byte[] recordMac;
    private final byte[] journal;
    private final byte[] backup;

    private WorkspaceKeys(byte[] ikm, byte[] salt) {
        this.dbFile = hkdf(ikm, salt, INFO_DB_FILE);
        this.dbUser = hkdf(ikm, salt, INFO_DB_USER);
        this.auditMac = hkdf(ikm, salt, INFO_AUDIT_MAC);
        this.keyCheck = hkdf(ikm, salt, INFO_KEY_CHECK);
        this.recordMac = hkdf(ikm, salt, INFO_RECORD_MAC);
        this.journal = hkdf(ikm, salt, INFO_JOURNAL);
        this.backup = hkdf(ikm, salt, INFO_BACKUP);
    }

    static WorkspaceKeys derive(AgeIdentity identity, byte[] salt) {
        byte[] ikm = privateKeyBytes(identity);
        try {
            return new WorkspaceKeys(ikm, salt);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * The H2 password for {@code CIPHER=AES}: "filePassword userPassword", both the hex of derived keys. The caller
     * passes it to H2 as a {@code char[]} (H2 wipes it) and wipes any copy.
     */
    char[] h2Password() {
        char[] out = new char[KEY_BYTES * 4 + 1];
        hex(dbFile, out, 0);
        out[KEY_BYTES * 2] = ' ';
        hex(dbUser, out, KEY_BYTES * 2 + 1);
        return out;
    }

    /** A copy of the audit HMAC key; the caller wipes it. */
    byte[] auditMacKey() {
        return auditMac.clone();
    }

    /** A copy of the key that MACs every stored record (table, row, version, fields); the caller wipes it. */
    byte[] recordMacKey() {
        return recordMac.clone();
    }

    /** A copy of the AES-256-GCM key of the audit journal; the caller wipes it. */
    byte[] journalKey() {
        return journal.clone();
    }

    /** A copy of the key that encrypts and authenticates backups; the caller wipes it. */
    byte[] backupKey() {
        return backup.clone();
    }

    /** The public key-check value stored in workspace.meta: proves the right identity without revealing keys. */
    byte[] keyCheck() {
        return keyCheck.clone();
    }

    boolean matchesKeyCheck(byte[] stored) {
        return MessageDigest.isEqual(keyCheck, stored);
    }

    @Override
    public void close() {
        Arrays.fill(dbFile, (byte) 0);
        Arrays.fill(dbUser, (byte) 0);
        Arrays.fill(auditMac, (byte) 0);
        Arrays.fill(keyCheck, (byte) 0);
        Arrays.fill(recordMac, (byte) 0);
        Arrays.fill(journal, (byte) 0);
        Arrays.fill(backup, (byte) 0);
    }

    /** HKDF-SHA256 (extract then expand) with a 32-byte output. */
    static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        return hkdf(ikm, salt, info.getBytes(StandardCharsets.US_ASCII), KEY_BYTES);
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        byte[] prk = null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt == null || salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            int pos = 0;
            for (int i = 1; pos < length; i++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                Arrays.fill(t, (byte) 0);
                t = mac.doFinal();
                int n = Math.min(t.length, length - pos);
                System.arraycopy(t, 0, out, pos, n);
                pos += n;
            }
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
        }
    }

    /**
     * The identity's 32 private-key bytes, decoded from {@link AgeIdentity#toChars()} (Bech32) and checked against
     * its public recipient. The caller wipes the result.
     */
    static byte[] privateKeyBytes(AgeIdentity identity) {
        char[] chars = identity.toChars();
        try {
            byte[] secret = bech32Data(chars);
            byte[] pub = new byte[KEY_BYTES];
            X25519.scalarMultBase(secret, 0, pub, 0);
            byte[] expected = bech32Data(identity.recipient().toCharArray());
            if (secret.length != KEY_BYTES || !Arrays.equals(pub, expected)) {
                Arrays.fill(secret, (byte) 0);
                throw new IllegalStateException("the identity's secret key does not match its recipient");
            }
            return secret;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** The data part of a Bech32 string (after the last '1', checksum dropped), 5-bit groups regrouped to bytes. */
    private static byte[] bech32Data(char[] s) {
        int sep = -1;
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] == '1') {
                sep = i;
                break;
            }
        }
        if (sep < 0 || s.length - sep - 1 < 6) {
            throw new IllegalStateException("not a Bech32 string");
        }
        int groups = s.length - sep - 1 - 6;
        byte[] out = new byte[groups * 5 / 8];
        int acc = 0;
        int bits = 0;
        int pos = 0;
        for (int i = sep + 1; i < sep + 1 + groups; i++) {
            int v = CHARSET.indexOf(Character.toLowerCase(s[i]));
            if (v < 0) {
                throw new IllegalStateException("not a Bech32 string");
            }
            acc = (acc << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[pos++] = (byte) (acc >>> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return out;
    }

    private static void hex(byte[] in, char[] out, int at) {
        final String digits = "0123456789abcdef";
        for (int i = 0; i < in.length; i++) {
            out[at + 2 * i] = digits.charAt((in[i] >> 4) & 0xf);
            out[at + 2 * i + 1] = digits.charAt(in[i] & 0xf);
        }
    }
}
