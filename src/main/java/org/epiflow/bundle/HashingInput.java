package org.epiflow.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passes bytes through while computing their SHA-256. Closing it does not close the underlying stream (a ZIP entry
 * stream must stay open for the next entry).
 */
final class HashingInput extends FilterInputStream {
    private final MessageDigest digest;
    private long count;

    HashingInput(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Reads and hashes whatever is left. */
    void drain() throws IOException {
        byte[] sink = new byte[64 * 1024];
        while (read(sink, 0, sink.length) >= 0) {
            // hashing only
        }
    }

    long count() {
        return count;
    }

    String hex() {
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        // the underlying stream stays open
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
