package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

/**
 * The scrypt work factor of an encrypted minisign secret key, stored in the file as libsodium's
 * {@code crypto_pwhash_scryptsalsa208sha256} limits ({@code opslimit}, {@code memlimit}) and turned into scrypt's
 * N, r, p exactly as libsodium's {@code pickparams} does.
 *
 * <p>{@link #MINISIGN_DEFAULT} is what {@code minisign -G} uses (N = 2^20, r = 8, p = 1: 1 GiB, several seconds).
 * A file may not demand more than {@link #MAX_MEMLIMIT} bytes, N &gt; 2^{@value #MAX_LOG_N} or
 * p &gt; {@value #MAX_P}: such keys are refused with a {@link MinisignFormatException} before any work is done, so a
 * hostile key file cannot exhaust memory or time.
 *
 * @param opslimit libsodium operations limit, as stored in the key file
 * @param memlimit libsodium memory limit in bytes, as stored in the key file
 */
public record ScryptParams(long opslimit, long memlimit) {

    /** minisign's own parameters: opslimit 33554432, memlimit 1073741824. */
    public static final ScryptParams MINISIGN_DEFAULT = new ScryptParams(33_554_432L, 1_073_741_824L);

    /** Largest memlimit accepted from a file: 1 GiB (minisign's default). */
    public static final long MAX_MEMLIMIT = 1L << 30;
    /** Largest log2(N) accepted from a file. */
    public static final int MAX_LOG_N = 20;
    /** Largest scrypt parallelism p accepted from a file (p multiplies the time, not the memory). */
    public static final int MAX_P = 4;

    private static final int R = 8;

    /**
     * Cheap parameters for tests and throw-away keys: N = 2^logN with r = 8, p = 1 (memory 2^logN KiB).
     * The resulting key files are still read by the minisign CLI.
     *
     * @param logN between 10 and {@value #MAX_LOG_N} (below 10 libsodium's minimum opslimit raises p)
     */
    public static ScryptParams ofLogN(int logN) {
        if (logN < 10 || logN > MAX_LOG_N) {
            throw new IllegalArgumentException("logN must be in 10.." + MAX_LOG_N + ", was " + logN);
        }
        long memlimit = 128L * R * (1L << logN);
        // opslimit == memlimit / 32 takes pickparams' memory branch with maxrp = 8, i.e. p = 1.
        return new ScryptParams(memlimit / 32, memlimit);
    }

    /**
     * The scrypt parameters derived by libsodium, after checking the caps.
     *
     * @throws MinisignFormatException if the limits demand more than the caps allow or give p = 0
     */
    Derived derive() throws MinisignFormatException {
        if (opslimit < 0 || memlimit < 0) {
            throw new MinisignFormatException("minisign.scrypt.outOfRange", opslimit, memlimit);
        }
        if (memlimit > MAX_MEMLIMIT) {
            throw new MinisignFormatException("minisign.scrypt.memory", memlimit, MAX_MEMLIMIT);
        }
        long ops = Math.max(opslimit, 32768L);
        int logN;
        long p;
        if (ops < memlimit / 32) {
            p = 1;
            logN = smallestLogNAbove(ops / (R * 4L) / 2);
        } else {
            logN = smallestLogNAbove(memlimit / (R * 128L) / 2);
            if (logN > MAX_LOG_N) {
                throw tooMuch(logN);
            }
            long maxrp = Math.min((ops / 4) >>> logN, 0x3fffffffL);
            p = maxrp / R;
        }
        if (logN > MAX_LOG_N) {
            throw tooMuch(logN);
        }
        if (p < 1) {
            throw new MinisignFormatException("minisign.scrypt.noParallelism", opslimit, memlimit);
        }
        if (p > MAX_P) {
            throw new MinisignFormatException("minisign.scrypt.parallelism", p, opslimit, MAX_P);
        }
        return new Derived(logN, R, (int) p);
    }

    private static int smallestLogNAbove(long halfMaxN) {
        int logN = 1;
        while (logN < 63 && (1L << logN) <= halfMaxN) {
            logN++;
        }
        return logN;
    }

    private static MinisignFormatException tooMuch(int logN) {
        return new MinisignFormatException("minisign.scrypt.workFactor", logN, MAX_LOG_N);
    }

    /** scrypt parameters as used by the KDF. */
    record Derived(int logN, int r, int p) {
        int n() {
            return 1 << logN;
        }
    }
}
