package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecodingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Thin wrapper over jagged's decrypting channel: maps streaming failures to {@link AgePayloadException} /
 * {@link AgeArmorException} and makes them sticky, so no further plaintext is handed on after a failure.
 * Reads go straight into the caller's buffer (no extra copy).
 */
final class AgeDecryptingChannel implements ReadableByteChannel {
    private final ReadableByteChannel delegate;
    private AgeException failure;

    AgeDecryptingChannel(ReadableByteChannel delegate) {
        this.delegate = delegate;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            return delegate.read(dst);
        } catch (PayloadException e) {
            failure = new AgePayloadException(e);
        } catch (ArmoredDecodingException e) {
            failure = new AgeArmorException(e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException | java.nio.BufferOverflowException e) {
            // jagged surfaces some malformed-input conditions as unchecked exceptions
            failure = new AgePayloadException(e);
        }
        throw failure;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
