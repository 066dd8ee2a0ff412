package org.epiflow.bundle.age;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/** Small in-memory helpers for age tests. */
final class AgeTestSupport {
    private AgeTestSupport() {
    }

    static byte[] encrypt(byte[] plain, List<String> recipients) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel enc = AgeCodec.encrypt(Channels.newChannel(out), recipients)) {
            writeAll(enc, plain);
        }
        return out.toByteArray();
    }

    static byte[] encryptWithPassphrase(byte[] plain, String passphrase, int logN) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel enc = AgeCodec.encryptWithPassphrase(Channels.newChannel(out), passphrase.toCharArray(), logN)) {
            writeAll(enc, plain);
        }
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] file, AgeIdentity id) throws IOException {
        try (ReadableByteChannel in = AgeCodec.decrypt(channel(file), id)) {
            return readAll(in);
        }
    }

    static byte[] decryptWithPassphrase(byte[] file, String passphrase, int maxLogN) throws IOException {
        try (ReadableByteChannel in = AgeCodec.decryptWithPassphrase(channel(file), passphrase.toCharArray(), maxLogN)) {
            return readAll(in);
        }
    }

    static ReadableByteChannel channel(byte[] data) {
        return Channels.newChannel(new ByteArrayInputStream(data));
    }

    static void writeAll(WritableByteChannel ch, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    static byte[] readAll(ReadableByteChannel in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (in.read(buf) >= 0) {
            buf.flip();
            out.write(buf.array(), 0, buf.limit());
            buf.clear();
        }
        return out.toByteArray();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
