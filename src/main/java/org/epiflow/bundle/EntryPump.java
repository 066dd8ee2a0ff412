package org.epiflow.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the payload archive on a background thread (decryption and decompression) and hands each entry's bytes to
 * the caller's thread (hashing and parsing) through a small bounded queue, so the two halves of the work run on two
 * cores. Everything stays in memory; buffers are recycled. Producer failures are rethrown to the consumer.
 */
final class EntryPump implements AutoCloseable {
    private static final int CHUNK = 256 * 1024;
    private static final int DEPTH = 8;

    private record Item(int kind, String name, byte[] data, int length, Throwable error) {
        static final int ENTRY = 0;
        static final int DATA = 1;
        static final int END_ENTRY = 2;
        static final int END = 3;
        static final int ERROR = 4;
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 4);
    private final Thread producer;
    private final HashingInput whole;
    private volatile boolean closed;
    private Item current;
    private boolean entryOpen;

    EntryPump(HashingInput whole) {
        this.whole = whole;
        this.producer = new Thread(this::produce, "epiflow-payload-reader");
        this.producer.setDaemon(true);
        this.producer.start();
    }

    private void produce() {
        try {
            ZipInputStream zip = new ZipInputStream(new BufferedInputStream(whole, 64 * 1024),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                put(new Item(Item.ENTRY, e.getName(), null, 0, null));
                while (true) {
                    byte[] buf = free.poll();
                    if (buf == null) {
                        buf = new byte[CHUNK];
                    }
                    int n = zip.readNBytes(buf, 0, buf.length);
                    if (n > 0) {
                        put(new Item(Item.DATA, null, buf, n, null));
                    }
                    if (n < buf.length) {
                        break;
                    }
                }
                put(new Item(Item.END_ENTRY, null, null, 0, null));
            }
            whole.drain();
            put(new Item(Item.END, whole.hex(), null, 0, null));
        } catch (Throwable t) {
            if (!closed) {
                try {
                    put(new Item(Item.ERROR, null, null, 0, t));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void put(Item item) throws InterruptedException {
        if (closed) {
            throw new InterruptedException("closed");
        }
        queue.put(item);
    }

    private Item take() throws IOException {
        try {
            Item item = queue.take();
            if (item.kind() == Item.ERROR) {
                Throwable t = item.error();
                if (t instanceof IOException io) {
                    throw io;
                }
                if (t instanceof RuntimeException re) {
                    throw re;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                throw new IOException(t);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the payload");
        }
    }

    /** Advances to the next entry and returns its name, or null at the end of the archive. */
    String nextEntry() throws IOException {
        while (entryOpen) {
            Item i = take();
            recycle(i);
            if (i.kind() == Item.END_ENTRY) {
                entryOpen = false;
            }
        }
        Item i = take();
        if (i.kind() == Item.END) {
            current = i;
            return null;
        }
        if (i.kind() != Item.ENTRY) {
            throw new IllegalStateException("payload pump out of step");
        }
        entryOpen = true;
        return i.name();
    }

    /** SHA-256 (hex) of the whole payload archive; valid once {@link #nextEntry()} returned null. */
    String payloadSha256() {
        if (current == null || current.kind() != Item.END) {
            throw new IllegalStateException("the payload has not been read to its end");
        }
        return current.name();
    }

    /** The bytes of the current entry. */
    InputStream entry() {
        return new InputStream() {
            private byte[] buf;
            private int pos;
            private int len;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int n) throws IOException {
                if (n == 0) {
                    return 0;
                }
                while (buf == null || pos == len) {
                    if (buf != null) {
                        free.offer(buf);
                        buf = null;
                    }
                    if (!entryOpen) {
                        return -1;
                    }
                    Item i = take();
                    if (i.kind() == Item.END_ENTRY) {
                        entryOpen = false;
                        return -1;
                    }
                    buf = i.data();
                    pos = 0;
                    len = i.length();
                }
                int k = Math.min(n, len - pos);
                System.arraycopy(buf, pos, b, off, k);
                pos += k;
                return k;
            }
        };
    }

    private void recycle(Item i) {
        if (i.data() != null) {
            free.offer(i.data());
        }
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear();
        free.clear();
    }
}
