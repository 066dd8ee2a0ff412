package org.epiflow.bundle.age;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * A minimal age v1 writer (C2SP age spec: X25519 stanzas, header MAC, payload chunks), independent of jagged, so tests
 * can write files jagged would not: any number of stanzas, stanzas with degenerate shares, any body.
 */
public final class AgeBytes {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CHUNK = 64 * 1024;

    private AgeBytes() {
    }

    /** One X25519 stanza: its share and its body, as they will be written. */
    public record Stanza(byte[] share, byte[] body) {
    }

    /** A fresh 16-byte file key. */
    public static byte[] fileKey() {
        return random(16);
    }

    /** A stanza that wraps {@code fileKey} for the {@code age1…} recipient. */
    public static Stanza validStanza(String recipient, byte[] fileKey) throws Exception {
        byte[] theirs = Bech32.decode(recipient.toCharArray()).data;
        byte[] eph = random(32);
        byte[] share = new byte[32];
        X25519.scalarMultBase(eph, 0, share, 0);
        byte[] shared = new byte[32];
        X25519.scalarMult(eph, 0, theirs, 0, shared, 0);
        byte[] salt = new byte[64];
        System.arraycopy(share, 0, salt, 0, 32);
        System.arraycopy(theirs, 0, salt, 32, 32);
        byte[] wrap = hkdf(shared, salt, "age-encryption.org/v1/X25519");
        return new Stanza(share, chacha(wrap, new byte[12], fileKey));
    }

    /** The age file: header with these stanzas and a valid MAC, then {@code plain} in 64 KiB chunks. */
    public static byte[] ageFile(byte[] plain, byte[] fileKey, List<Stanza> stanzas) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        StringBuilder h = new StringBuilder("age-encryption.org/v1\n");
        for (Stanza s : stanzas) {
            h.append("-> X25519 ").append(b64.encodeToString(s.share())).append('\n');
            String body = b64.encodeToString(s.body());
            int i = 0;
            while (true) {
                int end = Math.min(body.length(), i + 64);
                h.append(body, i, end).append('\n');
                if (end - i < 64) {
                    break;
                }
                i = end;
            }
        }
        h.append("---");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hkdf(fileKey, new byte[0], "header"), "HmacSHA256"));
        byte[] tag = mac.doFinal(h.toString().getBytes(StandardCharsets.US_ASCII));
        h.append(' ').append(b64.encodeToString(tag)).append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] nonce = random(16);
        out.writeBytes(nonce);
        byte[] payloadKey = hkdf(fileKey, nonce, "payload");
        long counter = 0;
        int pos = 0;
        do {
            int n = Math.min(CHUNK, plain.length - pos);
            boolean last = pos + n == plain.length;
            byte[] chunkNonce = new byte[12];
            for (int b = 0; b < 8; b++) {
                chunkNonce[10 - b] = (byte) (counter >>> (8 * b));
            }
            chunkNonce[11] = (byte) (last ? 1 : 0);
            byte[] piece = java.util.Arrays.copyOfRange(plain, pos, pos + n);
            out.writeBytes(chacha(payloadKey, chunkNonce, piece));
            pos += n;
            counter++;
        } while (pos < plain.length);
        return out.toByteArray();
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
        g.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        g.generateBytes(out, 0, 32);
        return out;
    }

    static byte[] chacha(byte[] key, byte[] nonce, byte[] plain) throws Exception {
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        return c.doFinal(plain);
    }

    /** Random bytes. */
    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
