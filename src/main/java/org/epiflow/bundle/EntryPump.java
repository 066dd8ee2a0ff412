package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the payload archive ({@link PayloadArchive}) on a background thread (decryption and decompression) and
 * hands each entry's bytes to the caller's thread (hashing and parsing) through a small bounded queue, so the two
 * halves of the work run on two cores. Before an entry is inflated the caller names how many bytes it may unpack to
 * ({@link #entry(long, Message)}), so an undeclared or oversized entry costs nothing. Everything stays in memory;
 * buffers are recycled. Producer failures are rethrown to the consumer.
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

    private record Budget(long maxBytes, Message whenOver) {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 4);
    private final BlockingQueue<Budget> budgets = new ArrayBlockingQueue<>(1);
    private final Thread producer;
    private final HashingInput whole;
    private final int maxEntries;
    private volatile boolean closed;
    private Item current;
    private boolean entryOpen;
    private boolean awaitingBudget;

    EntryPump(HashingInput whole, int maxEntries) {
        this.whole = whole;
        this.maxEntries = maxEntries;
        this.producer = new Thread(this::produce, "epiflow-payload-reader");
        this.producer.setDaemon(true);
        this.producer.start();
    }

    private void produce() {
        try (PayloadArchive zip = new PayloadArchive(whole, maxEntries)) {
            for (String name = zip.next(); name != null; name = zip.next()) {
                put(new Item(Item.ENTRY, name, null, 0, null));
                Budget budget = budgets.take();
                zip.open(budget.maxBytes(), budget.whenOver());
                while (true) {
                    byte[] buf = free.poll();
                    if (buf == null) {
                        buf = new byte[CHUNK];
                    }
                    int n = fill(zip, buf);
                    if (n > 0) {
                        put(new Item(Item.DATA, null, buf, n, null));
                    }
                    if (n < buf.length) {
                        break;
                    }
                }
                put(new Item(Item.END_ENTRY, null, null, 0, null));
            }
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

    private static int fill(PayloadArchive zip, byte[] buf) throws IOException, BundleException {
        int n = 0;
        while (n < buf.length) {
            int r = zip.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private void put(Item item) throws InterruptedException {
        if (closed) {
            throw new InterruptedException("closed");
        }
        queue.put(item);
    }

    private Item take() throws IOException, BundleException {
        try {
            Item item = queue.take();
            if (item.kind() == Item.ERROR) {
                Throwable t = item.error();
                if (t instanceof BundleException b) {
                    throw b;
                }
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

    /**
     * Advances to the next entry and returns its name, or null once the archive (central directory included) was
     * read to its end. Nothing of the entry is inflated until {@link #entry(long, Message)} is called.
     */
    String nextEntry() throws IOException, BundleException {
        if (awaitingBudget) {
            throw new IllegalStateException("the current entry was neither opened nor refused");
        }
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
        awaitingBudget = true;
        return i.name();
    }

    /** SHA-256 (hex) of the whole payload archive; valid once {@link #nextEntry()} returned null. */
    String payloadSha256() {
        if (current == null || current.kind() != Item.END) {
            throw new IllegalStateException("the payload has not been read to its end");
        }
        return current.name();
    }

    /**
     * The bytes of the current entry, which may unpack to at most {@code maxBytes}; past that reading throws
     * {@link BundleFormatException} with {@code whenOver}.
     */
    InputStream entry(long maxBytes, Message whenOver) {
        if (!awaitingBudget) {
            throw new IllegalStateException("no entry to open");
        }
        awaitingBudget = false;
        entryOpen = true;
        if (!budgets.offer(new Budget(maxBytes, whenOver))) {
            throw new IllegalStateException("payload pump out of step");
        }
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
                    Item i;
                    try {
                        i = take();
                    } catch (BundleException e) {
                        throw new Refusal(e);
                    }
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

    /** Carries a refusal found by the producer out of an {@link InputStream#read}. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(BundleException cause) {
            super(cause.getMessage(), cause);
        }

        BundleException refusal() {
            return (BundleException) getCause();
        }
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
