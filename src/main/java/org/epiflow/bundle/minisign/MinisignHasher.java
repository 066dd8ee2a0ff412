package org.epiflow.bundle.minisign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Streaming BLAKE2b-512, the prehash of minisign's {@code ED} signatures. Feed it the bundle bytes as they are read,
 * then pass {@link #digest()} to {@link MinisignVerifier#verify(TrustStore, MinisignSignature, byte[])}.
 * Not thread-safe. {@link #digest()} finishes the hash and resets the hasher.
 */
public final class MinisignHasher {

    /** Length of the digest in bytes. */
    public static final int DIGEST_BYTES = 64;

    private final Blake2bDigest blake = new Blake2bDigest(DIGEST_BYTES * 8);

    /** Creates an empty hasher. */
    public MinisignHasher() {
    }

    /** Adds {@code len} bytes of {@code b} starting at {@code off}. */
    public MinisignHasher update(byte[] b, int off, int len) {
        blake.update(b, off, len);
        return this;
    }

    /** Adds all of {@code b}. */
    public MinisignHasher update(byte[] b) {
        return update(b, 0, b.length);
    }

    /** Adds the remaining bytes of {@code buf}, advancing its position to its limit. */
    public MinisignHasher update(ByteBuffer buf) {
        if (buf.hasArray()) {
            int n = buf.remaining();
            blake.update(buf.array(), buf.arrayOffset() + buf.position(), n);
            buf.position(buf.limit());
        } else {
            byte[] chunk = new byte[Math.min(buf.remaining(), 8192)];
            while (buf.hasRemaining()) {
                int n = Math.min(chunk.length, buf.remaining());
                buf.get(chunk, 0, n);
                blake.update(chunk, 0, n);
            }
        }
        return this;
    }

    /** Reads {@code in} to its end (without closing it) and adds every byte. */
    public MinisignHasher update(InputStream in) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            blake.update(chunk, 0, n);
        }
        return this;
    }

    /** @return the 64-byte BLAKE2b-512 digest of everything added; the hasher is reset afterwards */
    public byte[] digest() {
        byte[] out = new byte[DIGEST_BYTES];
        blake.doFinal(out, 0);
        return out;
    }

    /** Convenience: the BLAKE2b-512 digest of a whole stream (read to its end, not closed). */
    public static byte[] digestOf(InputStream in) throws IOException {
        return new MinisignHasher().update(in).digest();
    }
}
