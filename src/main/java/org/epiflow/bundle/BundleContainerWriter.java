package org.epiflow.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32;

/**
 * Writes the canonical container read by {@link BundleContainer#read}: the header entry, then the payload entry
 * streamed through {@link #payloadChannel()} (its local header is patched with the CRC and size afterwards),
 * then the signature entry and the central directory.
 */
public final class BundleContainerWriter {
    private final FileChannel out;
    private final long[] offsets = new long[3];
    private final long[] lengths = new long[3];
    private final int[] crcs = new int[3];
    private final CRC32 payloadCrc = new CRC32();
    private long payloadBytes;
    private int stage;

    public BundleContainerWriter(FileChannel out, byte[] header) throws IOException {
        this.out = out;
        writeEntry(0, header);
        offsets[1] = out.position();
        out.write(ByteBuffer.wrap(BundleContainer.localHeader(BundleContainer.PAYLOAD, 0, 0)));
        stage = 1;
    }

    /** A channel taking the payload bytes; close it (or call {@link #finishPayload}) before the signature. */
    public WritableByteChannel payloadChannel() {
        return new WritableByteChannel() {
            private boolean open = true;

            @Override
            public int write(ByteBuffer src) throws IOException {
                ByteBuffer view = src.duplicate();
                payloadCrc.update(view);
                int n = src.remaining();
                while (src.hasRemaining()) {
                    out.write(src);
                }
                payloadBytes += n;
                if (payloadBytes > 0xFFFF_FFFFL - 1024) {
                    throw new IOException("the payload exceeds the 4 GiB bundle limit");
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }

    /** Patches the payload's local header once all payload bytes are written. */
    public void finishPayload() throws IOException {
        if (stage != 1) {
            throw new IllegalStateException("payload already finished");
        }
        lengths[1] = payloadBytes;
        crcs[1] = (int) payloadCrc.getValue();
        long end = out.position();
        ByteBuffer patched = ByteBuffer.wrap(BundleContainer.localHeader(BundleContainer.PAYLOAD, crcs[1], payloadBytes));
        out.write(patched, offsets[1]);
        out.position(end);
        stage = 2;
    }

    /** The length of payload.age, once {@link #finishPayload()} was called. */
    public long payloadLength() {
        if (stage < 2) {
            throw new IllegalStateException("finish the payload first");
        }
        return lengths[1];
    }

    /** Writes the signature entry and the central directory; the file is then complete. */
    public void finish(byte[] signature) throws IOException {
        if (stage != 2) {
            throw new IllegalStateException("finish the payload first");
        }
        writeEntry(2, signature);
        byte[] tail = BundleContainer.centralDirectoryAndEnd(offsets, lengths, crcs, out.position());
        writeAll(ByteBuffer.wrap(tail));
        stage = 3;
    }

    private void writeEntry(int i, byte[] data) throws IOException {
        CRC32 c = new CRC32();
        c.update(data);
        offsets[i] = out.position();
        lengths[i] = data.length;
        crcs[i] = (int) c.getValue();
        writeAll(ByteBuffer.wrap(BundleContainer.localHeader(BundleContainer.NAMES[i], crcs[i], data.length)));
        writeAll(ByteBuffer.wrap(data));
    }

    private void writeAll(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
