package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the decrypted payload archive as one stream, so that it has exactly one reading: the one EpiFlow checks is
 * the one {@code unzip}, Python's {@code zipfile} or any reader that starts from the central directory gets
 * (docs/bundle-format.md §7, "One reading"). Entries are read from their local headers, strictly contiguous from
 * offset 0; then the central directory must repeat every entry (name, flags, method, time, CRC, sizes, offset) in
 * the same order, the end record must point at it, and nothing may follow. Each entry's bytes are only inflated up
 * to the budget its reader grants ({@link #open(long, Message)}), so a reader can refuse an undeclared name before
 * anything is inflated. Not thread-safe; one instance reads one archive.
 */
final class PayloadArchive implements AutoCloseable {
    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int DESCRIPTOR_SIG = 0x08074b50;
    static final int STORED = 0;
    static final int DEFLATED = 8;
    /** General-purpose flag bits a payload may use: data descriptor (3) and UTF-8 names (11). */
    static final int FLAG_DESCRIPTOR = 1 << 3;
    static final int FLAG_UTF8 = 1 << 11;
    /** Extra fields that do not change how an entry is read: extended timestamp, Info-ZIP Unix ids, NTFS times. */
    static final int[] HARMLESS_EXTRA = {0x5455, 0x7875, 0x000a};
    private static final int LOCAL_FIXED = 30;
    private static final int CENTRAL_FIXED = 46;
    private static final int END_FIXED = 22;
    private static final int MAX_NAME = 255;

    /** One entry as its local header and its data told it. */
    record Entry(long offset, byte[] name, String text, int version, int flags, int method, int time, int date,
                 int crc, long compressed, long size) {
    }

    private final InputStream in;
    private final int maxEntries;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    /** Archive offset of {@code buf[pos]}. */
    private long offset;
    private final List<Entry> entries = new ArrayList<>();
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();

    /** The entry being read, as its local header declares it. */
    private Entry current;
    private long budget;
    private Message overBudget;
    private boolean opened;
    private boolean done;
    private boolean finished;
    /** Bytes of the current entry's data taken from the archive, and given out after inflating. */
    private long consumed;
    private long inflated;

    PayloadArchive(InputStream in, int maxEntries) {
        this.in = in;
        this.maxEntries = maxEntries;
    }

    /**
     * Moves to the next entry and returns its name; or, at the central directory, checks the directory, the end
     * record and the end of the stream, and returns null. The previous entry must have been read to its end.
     */
    String next() throws IOException, BundleException {
        if (current != null && !done) {
            throw new IllegalStateException("the previous entry was not read to its end");
        }
        if (finished) {
            return null;
        }
        long at = offset;
        int sig = u32(require(4), 0);
        if (sig == LOCAL_SIG) {
            if (entries.size() >= maxEntries) {
                throw refuse("bundle.payload.tooManyEntries", maxEntries);
            }
            readLocal(at);
            return current.text();
        }
        if (sig == CENTRAL_SIG) {
            readCentralDirectory(at);
            finished = true;
            current = null;
            return null;
        }
        throw entries.isEmpty() ? refuse("bundle.payload.notZip")
                : refuse("bundle.payload.gap", entries.get(entries.size() - 1).text(), at);
    }

    /**
     * Allows the current entry to be read, inflating at most {@code maxBytes}; past that, reading throws
     * {@link BundleFormatException} with {@code whenOver}.
     */
    void open(long maxBytes, Message whenOver) {
        if (current == null || opened) {
            throw new IllegalStateException("no entry to open");
        }
        budget = maxBytes;
        overBudget = whenOver;
        opened = true;
    }

    /** Reads the current entry's bytes (after {@link #open}); -1 at its end, once its CRC and sizes check out. */
    int read(byte[] b, int off, int len) throws IOException, BundleException {
        if (!opened) {
            throw new IllegalStateException("entry not opened");
        }
        if (done) {
            return -1;
        }
        int n = current.method() == STORED ? readStored(b, off, len) : readDeflated(b, off, len);
        if (n < 0) {
            finishEntry();
            return -1;
        }
        crc.update(b, off, n);
        inflated += n;
        if (inflated > budget) {
            throw new BundleFormatException(overBudget);
        }
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException, BundleException {
        long left = current.compressed() - consumed;
        if (left == 0) {
            return -1;
        }
        if (pos == limit && !fill()) {
            throw refuse("bundle.payload.truncated", current.text());
        }
        int n = (int) Math.min(Math.min(len, left), limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        advance(n);
        consumed += n;
        return n;
    }

    private int readDeflated(byte[] b, int off, int len) throws IOException, BundleException {
        while (true) {
            if (inflater.finished()) {
                int rest = inflater.getRemaining();
                consumed -= rest;
                pos = limit - rest;
                offset -= rest;
                return -1;
            }
            if (inflater.needsInput()) {
                if (pos == limit && !fill()) {
                    throw refuse("bundle.payload.truncated", current.text());
                }
                int n = limit - pos;
                inflater.setInput(buf, pos, n);
                // the inflater owns these bytes now; what it leaves over is given back when it finishes
                advance(n);
                consumed += n;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new BundleManifestException(Message.of("bundle.payload.deflate", current.text()), e);
            }
            if (n > 0) {
                return n;
            }
            if (inflater.needsDictionary()) {
                throw refuse("bundle.payload.deflate", current.text());
            }
        }
    }

    private void finishEntry() throws IOException, BundleException {
        Entry p = current;
        int actualCrc = (int) crc.getValue();
        if ((p.flags() & FLAG_DESCRIPTOR) != 0) {
            byte[] d = require(16);
            if (u32(d, 0) != DESCRIPTOR_SIG) {
                throw refuse("bundle.payload.descriptor", p.text());
            }
            if (u32(d, 4) != actualCrc || u32L(d, 8) != consumed || u32L(d, 12) != inflated) {
                throw refuse("bundle.payload.descriptorMismatch", p.text());
            }
        } else if (p.compressed() != consumed || p.size() != inflated) {
            throw refuse("bundle.payload.sizeMismatch", p.text());
        } else if (p.crc() != actualCrc) {
            throw refuse("bundle.payload.crc", p.text());
        }
        entries.add(new Entry(p.offset(), p.name(), p.text(), p.version(), p.flags(), p.method(), p.time(),
                p.date(), actualCrc, consumed, inflated));
        done = true;
    }

    private void readLocal(long at) throws IOException, BundleException {
        byte[] h = require(LOCAL_FIXED - 4);
        int version = u16(h, 0);
        int flags = u16(h, 2);
        int method = u16(h, 4);
        int time = u16(h, 6);
        int date = u16(h, 8);
        int crc32 = u32(h, 10);
        long compressed = u32L(h, 14);
        long size = u32L(h, 18);
        int nameLength = u16(h, 22);
        int extraLength = u16(h, 24);
        if (nameLength == 0 || nameLength > MAX_NAME) {
            throw refuse("bundle.payload.nameLength", entries.size() + 1);
        }
        byte[] name = require(nameLength).clone();
        String text = name(name, flags);
        checkExtra(require(extraLength).clone(), text);
        if ((flags & 1) != 0) {
            throw refuse("bundle.payload.encrypted", text);
        }
        if ((flags & ~(FLAG_DESCRIPTOR | FLAG_UTF8)) != 0) {
            throw refuse("bundle.payload.flags", text, String.format("0x%04X", flags));
        }
        if (method != STORED && method != DEFLATED) {
            throw refuse("bundle.payload.method", text, method);
        }
        if (version > 20) {
            throw refuse("bundle.payload.version", text, version);
        }
        if (compressed == 0xFFFF_FFFFL || size == 0xFFFF_FFFFL) {
            throw refuse("bundle.payload.zip64", text);
        }
        if ((flags & FLAG_DESCRIPTOR) != 0) {
            if (method == STORED) {
                throw refuse("bundle.payload.storedDescriptor", text);
            }
            if (crc32 != 0 || compressed != 0 || size != 0) {
                throw refuse("bundle.payload.descriptorSizes", text);
            }
        } else if (method == STORED && compressed != size) {
            throw refuse("bundle.payload.sizeMismatch", text);
        }
        current = new Entry(at, name, text, version, flags, method, time, date, crc32, compressed, size);
        opened = false;
        done = false;
        consumed = 0;
        inflated = 0;
        crc.reset();
        inflater.reset();
    }

    private void readCentralDirectory(long start) throws IOException, BundleException {
        int i = 0;
        byte[] sig = null;
        while (true) {
            if (i >= entries.size()) {
                throw refuse("bundle.payload.directoryExtra", entries.size());
            }
            Entry e = entries.get(i);
            byte[] h = require(CENTRAL_FIXED - 4);
            int nameLength = u16(h, 24);
            int extraLength = u16(h, 26);
            int commentLength = u16(h, 28);
            byte[] name = require(nameLength).clone();
            byte[] extra = require(extraLength).clone();
            require(commentLength);
            boolean same = u16(h, 2) == e.version() && u16(h, 4) == e.flags() && u16(h, 6) == e.method()
                    && u16(h, 8) == e.time() && u16(h, 10) == e.date() && u32(h, 12) == e.crc()
                    && u32L(h, 16) == e.compressed() && u32L(h, 20) == e.size() && Arrays.equals(name, e.name())
                    && u32L(h, 38) == e.offset();
            if (!same) {
                throw refuse("bundle.payload.directoryMismatch", e.text());
            }
            checkExtra(extra, e.text());
            if (commentLength != 0) {
                throw refuse("bundle.payload.comment", e.text());
            }
            if (u16(h, 30) != 0 || (u16(h, 32) & ~1) != 0) {
                throw refuse("bundle.payload.directoryMismatch", e.text());
            }
            i++;
            sig = require(4);
            if (u32(sig, 0) != CENTRAL_SIG) {
                break;
            }
        }
        long end = offset - 4;
        if (u32(sig, 0) != END_SIG) {
            throw i < entries.size() ? refuse("bundle.payload.directoryMissing", entries.get(i).text())
                    : refuse("bundle.payload.noEnd");
        }
        if (i < entries.size()) {
            throw refuse("bundle.payload.directoryMissing", entries.get(i).text());
        }
        byte[] r = require(END_FIXED - 4);
        int n = entries.size();
        if (u16(r, 0) != 0 || u16(r, 2) != 0 || u16(r, 4) != n || u16(r, 6) != n
                || u32L(r, 8) != end - start || u32L(r, 12) != start) {
            throw refuse("bundle.payload.endMismatch");
        }
        if (u16(r, 16) != 0) {
            throw refuse("bundle.payload.archiveComment");
        }
        // reading to the very end also makes the decryption authenticate the last chunk
        if (pos < limit || fill()) {
            throw refuse("bundle.payload.trailing");
        }
    }

    /** The entries read so far, in archive order. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    private String name(byte[] name, int flags) throws BundleException {
        boolean ascii = true;
        for (byte x : name) {
            if (x < 0x20 && x >= 0 || x == 0x7F) {
                throw refuse("bundle.payload.nameControl", entries.size() + 1);
            }
            ascii &= x >= 0;
        }
        if (!ascii && (flags & FLAG_UTF8) == 0) {
            // unflagged non-ASCII names are CP437 to some tools and UTF-8 to others
            throw refuse("bundle.payload.nameEncoding", entries.size() + 1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw refuse("bundle.payload.nameEncoding", entries.size() + 1);
        }
    }

    private static void checkExtra(byte[] extra, String name) throws BundleException {
        int p = 0;
        while (p < extra.length) {
            if (extra.length - p < 4) {
                throw refuse("bundle.payload.extra", name);
            }
            int id = (extra[p] & 0xFF) | (extra[p + 1] & 0xFF) << 8;
            int len = (extra[p + 2] & 0xFF) | (extra[p + 3] & 0xFF) << 8;
            if (len > extra.length - p - 4) {
                throw refuse("bundle.payload.extra", name);
            }
            if (id == 0x0001) {
                throw refuse("bundle.payload.zip64", name);
            }
            boolean harmless = false;
            for (int h : HARMLESS_EXTRA) {
                harmless |= h == id;
            }
            if (!harmless) {
                throw refuse("bundle.payload.extraField", name, String.format("0x%04X", id));
            }
            p += 4 + len;
        }
    }

    /** Makes {@code n} bytes available at {@code buf[pos]} and returns them (as a view copy), advancing past. */
    private byte[] require(int n) throws IOException, BundleException {
        if (n > buf.length) {
            throw new IllegalArgumentException("too long");
        }
        while (limit - pos < n) {
            if (!fill()) {
                throw refuse("bundle.payload.truncatedArchive");
            }
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        advance(n);
        return out;
    }

    /** Reads more bytes into the buffer; false at the end of the stream (nothing was added). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            return true;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private void advance(int n) {
        pos += n;
        offset += n;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static long u32L(byte[] b, int i) {
        return Integer.toUnsignedLong(u32(b, i));
    }

    private static BundleManifestException refuse(String key, Object... args) {
        return new BundleManifestException(Message.of(key, args));
    }

    @Override
    public void close() {
        inflater.end();
    }
}
