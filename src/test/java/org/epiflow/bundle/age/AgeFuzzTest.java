package org.epiflow.bundle.age;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.io.ByteArrayInputStream;

/**
 * Fuzz targets for the age layer (docs/security.md, "Fuzzing"): identity files and encrypted headers may fail only
 * with {@link AgeException} (an {@link IOException}). The scrypt work factor is capped low here (2^12) so each
 * input stays fast; the cap itself is what bounds the real reader's cost (2^20).
 */
class AgeFuzzTest {
    static final AgeIdentity OFFICER = org.epiflow.bundle.FuzzKeys.officer();
    static final int FUZZ_MAX_LOG_N = 12;

    static {
        // load and instrument everything once before fuzzing (an input may take at most 1 s)
        try {
            byte[] file = AgeTestSupport.encrypt(new byte[100], java.util.List.of(OFFICER.recipient()));
            new AgeFuzzTest().decryptWithIdentity(file);
            new AgeFuzzTest().decryptWithPassphrase(AgeTestSupport.encryptWithPassphrase(new byte[10],
                    org.epiflow.bundle.FuzzKeys.PASSPHRASE, 10));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The text of an unencrypted identity file (what a passphrase-protected one holds once decrypted). */
    @FuzzTest
    void identityText(byte[] text) {
        try (AgeIdentity id = AgeIdentityFile.parse(text)) {
            id.recipient();
        } catch (AgeException expected) {
            // refused: fine
        }
    }

    /** Any bytes as an age file for the officer's X25519 identity: header, stanzas, MAC, payload chunks. */
    @FuzzTest
    void decryptWithIdentity(byte[] file) throws IOException {
        try (ReadableByteChannel in = AgeCodec.decrypt(channel(file), OFFICER)) {
            drain(in);
        } catch (AgeException expected) {
            // refused: fine
        }
    }

    /** Any bytes as a passphrase-protected age file (an identity file or a passphrase bundle's data). */
    @FuzzTest
    void decryptWithPassphrase(byte[] file) throws IOException {
        char[] pass = org.epiflow.bundle.FuzzKeys.PASSPHRASE.toCharArray();
        try (ReadableByteChannel in = AgeCodec.decryptWithPassphrase(channel(file), pass, FUZZ_MAX_LOG_N)) {
            drain(in);
        } catch (AgeException expected) {
            // refused: fine
        }
        try {
            AgeCodec.recipientsOf(channel(file));
        } catch (AgeException expected) {
            // refused: fine
        }
    }

    static ReadableByteChannel channel(byte[] b) {
        return Channels.newChannel(new ByteArrayInputStream(b));
    }

    static void drain(ReadableByteChannel in) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (in.read(buf) >= 0) {
            buf.clear();
        }
    }
}
