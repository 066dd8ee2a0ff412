package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The outer .epiflow file: a canonical ZIP archive of exactly three stored (uncompressed) entries,
 * {@code header.json}, {@code payload.age} and {@code payload.age.minisig}, in that order, with fixed
 * metadata (no extra fields, no comments, all times 1980-01-01 00:00). Any ZIP tool can list and extract it;
 * {@link #read} accepts only this canonical layout, so that every byte of a bundle is either a checked constant,
 * a checked length/offset/CRC, or covered by the carrier's signature.
 */
public final class BundleContainer {
    /** Entry names, in file order. */
    public static final String HEADER = "header.json";
    public static final String PAYLOAD = "payload.age";
    public static final String SIGNATURE = "payload.age.minisig";
    static final String[] NAMES = {HEADER, PAYLOAD, SIGNATURE};

    /** The entry names in file order. */
    public static java.util.List<String> names() {
        return java.util.List.of(NAMES);
    }

    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final short VERSION = 10;
    static final short DOS_DATE_1980_01_01 = 0x21;
    static final int LOCAL_HEADER_FIXED = 30;
    static final int CENTRAL_HEADER_FIXED = 46;
    static final int END_RECORD = 22;

    private BundleContainer() {
    }

    /** Where the parts of a bundle lie in its file. */
    public record Layout(byte[] header, byte[] signature, long payloadOffset, long payloadLength, int payloadCrc,
                         long fileLength) {
    }

    /**
     * Reads and checks the container structure. The payload itself is not read; its CRC must be checked by the
     * caller while it streams the payload ({@link Layout#payloadCrc()}).
     */
    public static Layout read(FileChannel ch, BundleLimits limits) throws IOException, BundleFormatException {
        long size = ch.size();
        if (size > limits.maxBundleBytes()) {
            throw new BundleFormatException("bundle.container.tooLarge", size, limits.maxBundleBytes());
        }
        long minimum = 3L * LOCAL_HEADER_FIXED + 3L * CENTRAL_HEADER_FIXED + END_RECORD;
        if (size < minimum) {
            throw new BundleFormatException("bundle.container.tooShort", size);
        }
        long[] offsets = new long[3];
        long[] lengths = new long[3];
        int[] crcs = new int[3];
        long pos = 0;
        for (int i = 0; i < 3; i++) {
            offsets[i] = pos;
            ByteBuffer lh = readFully(ch, pos, LOCAL_HEADER_FIXED + NAMES[i].length(), NAMES[i]);
            if (lh.getInt(0) != LOCAL_SIG) {
                throw i == 0 ? new BundleFormatException("bundle.container.notBundle")
                        : new BundleFormatException("bundle.container.entryMissing", NAMES[i]);
            }
            crcs[i] = lh.getInt(14);
            long compressed = Integer.toUnsignedLong(lh.getInt(18));
            lengths[i] = compressed;
            byte[] expected = localHeader(NAMES[i], crcs[i], compressed);
            if (!Arrays.equals(lh.array(), expected)) {
                throw new BundleFormatException("bundle.container.notCanonical", i + 1, NAMES[i]);
            }
            pos += expected.length + compressed;
            if (pos > size) {
                throw new BundleFormatException("bundle.container.truncatedIn", NAMES[i]);
            }
        }
        if (lengths[0] > limits.maxHeaderBytes()) {
            throw new BundleFormatException("bundle.container.headerTooLarge", lengths[0], limits.maxHeaderBytes());
        }
        if (lengths[2] > limits.maxSignatureBytes()) {
            throw new BundleFormatException("bundle.container.signatureTooLarge", lengths[2],
                    limits.maxSignatureBytes());
        }
        byte[] tail = centralDirectoryAndEnd(offsets, lengths, crcs, pos);
        if (size != pos + tail.length) {
            throw size < pos + tail.length ? new BundleFormatException("bundle.container.truncated")
                    : new BundleFormatException("bundle.container.trailing", size - pos - tail.length);
        }
        ByteBuffer actualTail = readFully(ch, pos, tail.length, "central directory");
        if (!Arrays.equals(actualTail.array(), tail)) {
            throw new BundleFormatException("bundle.container.directory");
        }
        byte[] header = readEntry(ch, offsets[0], 0, lengths[0], crcs[0]);
        byte[] signature = readEntry(ch, offsets[2], 2, lengths[2], crcs[2]);
        long payloadOffset = offsets[1] + LOCAL_HEADER_FIXED + NAMES[1].length();
        return new Layout(header, signature, payloadOffset, lengths[1], crcs[1], size);
    }

    private static byte[] readEntry(FileChannel ch, long offset, int i, long length, int crc)
            throws IOException, BundleFormatException {
        ByteBuffer b = readFully(ch, offset + LOCAL_HEADER_FIXED + NAMES[i].length(), (int) length, NAMES[i]);
        CRC32 c = new CRC32();
        c.update(b.array());
        if ((int) c.getValue() != crc) {
            throw new BundleFormatException("bundle.container.crc", NAMES[i]);
        }
        return b.array();
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int len, String what)
            throws IOException, BundleFormatException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new BundleFormatException("bundle.container.truncated");
            }
        }
        return b;
    }

    /** The canonical local header of entry {@code name} (as {@link #read} requires it). */
    public static byte[] localHeader(String name, int crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(LOCAL_HEADER_FIXED + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LOCAL_SIG).putShort(VERSION).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort(DOS_DATE_1980_01_01)
                .putInt(crc).putInt((int) size).putInt((int) size)
                .putShort((short) n.length).putShort((short) 0).put(n);
        return b.array();
    }

    /** The canonical central directory and end record of the three entries (as {@link #read} requires them). */
    public static byte[] centralDirectoryAndEnd(long[] offsets, long[] lengths, int[] crcs, long cdOffset) {
        int cdSize = 0;
        for (String name : NAMES) {
            cdSize += CENTRAL_HEADER_FIXED + name.length();
        }
        ByteBuffer b = ByteBuffer.allocate(cdSize + END_RECORD).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3; i++) {
            byte[] n = NAMES[i].getBytes(StandardCharsets.US_ASCII);
            b.putInt(CENTRAL_SIG).putShort(VERSION).putShort(VERSION).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort(DOS_DATE_1980_01_01)
                    .putInt(crcs[i]).putInt((int) lengths[i]).putInt((int) lengths[i])
                    .putShort((short) n.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offsets[i]).put(n);
        }
        b.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) 3).putShort((short) 3)
                .putInt(cdSize).putInt((int) cdOffset).putShort((short) 0);
        return b.array();
    }
}
