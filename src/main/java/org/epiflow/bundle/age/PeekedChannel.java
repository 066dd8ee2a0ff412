package org.epiflow.bundle.age;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads the first bytes of a channel to recognise ASCII armor, then replays them before the rest of the channel.
 */
final class PeekedChannel implements ReadableByteChannel {
    static final String ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    private static final int PEEK = 256;
    private static final byte[] BINARY_MAGIC = "age-encryption.org/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);

    private final ReadableByteChannel source;
    private final ByteBuffer head;

    PeekedChannel(ReadableByteChannel source) throws IOException {
        this.source = source;
        this.head = ByteBuffer.allocate(PEEK);
        while (head.hasRemaining() && source.read(head) >= 0) {
            // keep reading until full or end of stream
        }
        head.flip();
    }

    /** True if the input starts with the binary age magic {@code age-encryption.org/}. */
    boolean binary() {
        return startsWith(head.position(), BINARY_MAGIC);
    }

    /** True if the input, after optional leading whitespace, starts with {@code -----} (an armor line). */
    boolean armorLike() {
        int i = head.position();
        while (i < head.limit() && isSpace(head.get(i))) {
            i++;
        }
        return startsWith(i, DASHES);
    }

    /** True if the input starts with the given ASCII text. */
    boolean startsWith(String ascii) {
        return startsWith(head.position(), ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean startsWith(int from, byte[] marker) {
        if (head.limit() - from < marker.length) {
            return false;
        }
        for (int k = 0; k < marker.length; k++) {
            if (head.get(from + k) != marker[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (head.hasRemaining()) {
            int n = Math.min(head.remaining(), dst.remaining());
            ByteBuffer slice = head.slice();
            slice.limit(n);
            dst.put(slice);
            head.position(head.position() + n);
            return n;
        }
        return source.read(dst);
    }

    @Override
    public boolean isOpen() {
        return source.isOpen();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
