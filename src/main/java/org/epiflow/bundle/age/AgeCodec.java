package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import com.exceptionfactory.jagged.DecryptingChannelFactory;
import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecodingException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming age v1 encryption and decryption over NIO channels (facade over jagged plus our scrypt stanza).
 *
 * <p>Decryption auto-detects ASCII armor. Failures are reported as precise {@link AgeException} subclasses:
 * {@link NoIdentityMatchException} / {@link WrongPassphraseException} (wrong key), {@link AgeHeaderException}
 * (malformed or altered header, including {@link AgeArmorException}), {@link WorkFactorTooHighException},
 * {@link UnsupportedRecipientException}, and — while reading the returned channel —
 * {@link AgePayloadException} (damaged or truncated payload). Plaintext read before a payload failure must be
 * discarded: it has not been authenticated as part of a complete file.
 *
 * <p>Payload is processed in age's 64 KiB chunks; read with buffers of at least 64 KiB for best throughput.
 * Closing a returned channel closes the underlying channel; closing an encrypting channel writes the final chunk.
 */
public final class AgeCodec {
    private AgeCodec() {
    }

    /**
     * Starts encrypting to one or more X25519 recipients (binary age format).
     *
     * @param out        destination; receives the header immediately
     * @param recipients {@code age1…} strings
     * @return channel accepting plaintext; close it to finish the file
     * @throws AgeException if a recipient is malformed or the list is empty
     * @throws IOException  on write failure
     */
    public static WritableByteChannel encrypt(WritableByteChannel out, List<String> recipients)
            throws AgeException, IOException {
        return encrypt(out, recipients, false);
    }

    /**
     * Starts encrypting to one or more X25519 recipients.
     *
     * @param out        destination
     * @param recipients {@code age1…} strings
     * @param armor      write ASCII armor ({@code age -a}) instead of binary
     * @return channel accepting plaintext; close it to finish the file
     * @throws AgeException if a recipient is malformed or the list is empty
     * @throws IOException  on write failure
     */
    public static WritableByteChannel encrypt(WritableByteChannel out, List<String> recipients, boolean armor)
            throws AgeException, IOException {
        if (recipients.isEmpty()) {
            throw new AgeException("age.encrypt.noRecipient");
        }
        List<RecipientStanzaWriter> writers = new ArrayList<>();
        try {
            for (String r : recipients) {
                if (!AgeIdentity.isValidRecipient(r)) {
                    throw new AgeException("age.encrypt.badRecipient", r);
                }
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(r));
            }
            return (armor ? new ArmoredEncryptingChannelFactory() : new StandardEncryptingChannelFactory())
                    .newEncryptingChannel(out, writers);
        } catch (GeneralSecurityException e) {
            throw new AgeException(Message.of("age.encrypt.setup", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Starts encrypting with a passphrase (scrypt stanza; it is the header's only stanza).
     *
     * @param out        destination; receives the header immediately
     * @param passphrase passphrase; not retained, the caller wipes it
     * @param logN       scrypt work factor exponent (age uses 18; 1..30)
     * @return channel accepting plaintext; close it to finish the file
     * @throws AgeException on setup failure
     * @throws IOException  on write failure
     */
    public static WritableByteChannel encryptWithPassphrase(WritableByteChannel out, char[] passphrase, int logN)
            throws AgeException, IOException {
        try (ScryptRecipientStanzaWriter writer = new ScryptRecipientStanzaWriter(passphrase, logN)) {
            return new StandardEncryptingChannelFactory().newEncryptingChannel(out, List.of(writer));
        } catch (GeneralSecurityException e) {
            throw new AgeException(Message.of("age.encrypt.setup", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Opens an age file (binary or armored) with an X25519 identity. The header is read and verified before
     * this method returns.
     *
     * @param in       encrypted input
     * @param identity identity; not retained after this call
     * @return plaintext channel; payload damage surfaces as {@link AgePayloadException} from {@code read}
     * @throws AgeException see class description
     * @throws IOException  on read failure
     */
    public static ReadableByteChannel decrypt(ReadableByteChannel in, AgeIdentity identity)
            throws AgeException, IOException {
        RecipientStanzaReader reader;
        try {
            reader = identity.newStanzaReader();
        } catch (GeneralSecurityException e) {
            throw new AgeException(Message.of("age.identity.unusable", String.valueOf(e.getMessage())), e);
        }
        return open(in, new GuardedStanzaReader(reader, true), AgeFormat.AUTO);
    }

    /**
     * Like {@link #decrypt(ReadableByteChannel, AgeIdentity)} with an explicit input format.
     *
     * @param in       encrypted input
     * @param identity identity; not retained after this call
     * @param format   expected format
     * @return plaintext channel
     * @throws AgeException see class description
     * @throws IOException  on read failure
     */
    public static ReadableByteChannel decrypt(ReadableByteChannel in, AgeIdentity identity, AgeFormat format)
            throws AgeException, IOException {
        RecipientStanzaReader reader;
        try {
            reader = identity.newStanzaReader();
        } catch (GeneralSecurityException e) {
            throw new AgeException(Message.of("age.identity.unusable", String.valueOf(e.getMessage())), e);
        }
        return open(in, new GuardedStanzaReader(reader, true), format);
    }

    /**
     * Opens a passphrase-protected age file (binary or armored).
     *
     * @param in         encrypted input
     * @param passphrase passphrase; not retained, the caller wipes it
     * @param maxLogN    highest scrypt work factor exponent accepted (default policy: 20)
     * @return plaintext channel
     * @throws AgeException see class description
     * @throws IOException  on read failure
     */
    public static ReadableByteChannel decryptWithPassphrase(ReadableByteChannel in, char[] passphrase, int maxLogN)
            throws AgeException, IOException {
        return decryptWithPassphrase(in, passphrase, maxLogN, AgeFormat.AUTO);
    }

    /**
     * Like {@link #decryptWithPassphrase(ReadableByteChannel, char[], int)} with an explicit input format.
     *
     * @param in         encrypted input
     * @param passphrase passphrase; not retained, the caller wipes it
     * @param maxLogN    highest scrypt work factor exponent accepted
     * @param format     expected format
     * @return plaintext channel
     * @throws AgeException see class description
     * @throws IOException  on read failure
     */
    public static ReadableByteChannel decryptWithPassphrase(ReadableByteChannel in, char[] passphrase, int maxLogN,
            AgeFormat format) throws AgeException, IOException {
        try (ScryptRecipientStanzaReader reader = new ScryptRecipientStanzaReader(passphrase, maxLogN)) {
            return open(in, new GuardedStanzaReader(reader, false), format);
        }
    }

    /**
     * Lists the recipient stanzas of an age file's header without decrypting anything.
     *
     * @param in encrypted input (binary or armored); consumed up to the end of the header
     * @return header summary
     * @throws AgeException if the header is malformed
     * @throws IOException  on read failure
     */
    public static AgeHeaderSummary recipientsOf(ReadableByteChannel in) throws AgeException, IOException {
        return AgeHeaderSummary.read(in);
    }

    private static ReadableByteChannel open(ReadableByteChannel in, GuardedStanzaReader guard, AgeFormat format)
            throws AgeException, IOException {
        PeekedChannel peeked = new PeekedChannel(in);
        boolean armored = format == AgeFormat.ARMORED
                || format == AgeFormat.AUTO && !peeked.binary() && peeked.armorLike();
        DecryptingChannelFactory factory = armored
                ? new ArmoredDecryptingChannelFactory() : new StandardDecryptingChannelFactory();
        try {
            return new AgeDecryptingChannel(factory.newDecryptingChannel(peeked, List.of(guard)));
        } catch (GeneralSecurityException e) {
            throw classify(e, guard);
        } catch (PayloadException e) {
            throw new AgePayloadException(e);
        } catch (ArmoredDecodingException e) {
            throw new AgeArmorException(e);
        } catch (java.nio.BufferUnderflowException | java.nio.BufferOverflowException e) {
            // found by fuzzing (AgeFuzzTest.decryptWithPassphrase): jagged's armor reader runs past a short header
            // line ("-----" … CR without its LF) instead of refusing it
            throw armored ? new AgeArmorException(e) : new AgeHeaderException(e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw new AgeHeaderException(e);
        }
    }

    private static AgeException classify(GeneralSecurityException e, GuardedStanzaReader guard) {
        if (guard.rejection() != null) {
            return guard.rejection();
        }
        if (!guard.invoked()) {
            // jagged could not parse the header, so it never reached the stanza reader
            return new AgeHeaderException(e);
        }
        if (guard.unwrapped() && e instanceof SignatureException) {
            return new AgeHeaderException(AgeHeaderException.detail("age.header.detail.mac"), e);
        }
        // unwrapped, MAC verified, but e.g. the payload nonce is missing or short
        return new AgeHeaderException(e);
    }
}
