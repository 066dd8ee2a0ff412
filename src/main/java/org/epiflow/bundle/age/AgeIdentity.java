package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import org.bouncycastle.math.ec.rfc7748.X25519;

import javax.security.auth.Destroyable;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An age X25519 identity (private key), as produced by {@code age-keygen}: {@code AGE-SECRET-KEY-1…}.
 *
 * <p>The 32-byte secret scalar lives in a private array that {@link #destroy()} / {@link #close()} overwrites;
 * after that every method except {@link #recipient()} and {@link #isDestroyed()} throws
 * {@link IllegalStateException}. Use it in try-with-resources.
 */
public final class AgeIdentity implements Destroyable, AutoCloseable {
    static final String SECRET_KEY_HRP = "AGE-SECRET-KEY-";
    static final String RECIPIENT_HRP = "age";
    private static final String PQ_SECRET_KEY_PREFIX = "AGE-SECRET-KEY-PQ-1";
    private static final int KEY_LENGTH = 32;

    private final byte[] secret;
    private final String recipient;
    private volatile boolean destroyed;

    private AgeIdentity(byte[] secret) {
        this.secret = secret;
        byte[] pub = new byte[KEY_LENGTH];
        X25519.scalarMultBase(secret, 0, pub, 0);
        this.recipient = new String(Bech32.encode(RECIPIENT_HRP, pub, false));
    }

    /**
     * Generates a fresh identity from {@link SecureRandom}, like {@code age-keygen}.
     *
     * @return new identity
     */
    public static AgeIdentity generate() {
        byte[] secret = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(secret);
        return new AgeIdentity(secret);
    }

    /**
     * Parses an {@code AGE-SECRET-KEY-1…} string (upper case, as age writes it). The caller keeps ownership of
     * {@code encoded} and should wipe it.
     *
     * @param encoded the Bech32 identity
     * @return the identity
     * @throws UnsupportedRecipientException for a post-quantum {@code AGE-SECRET-KEY-PQ-1…} identity
     * @throws AgeException                  if it is not a valid X25519 age identity
     */
    public static AgeIdentity parse(char[] encoded) throws AgeException {
        char[] trimmed = trim(encoded);
        try {
            if (startsWith(trimmed, PQ_SECRET_KEY_PREFIX)) {
                throw new UnsupportedRecipientException(Message.of("age.identity.postQuantum"));
            }
            Bech32.Decoded decoded;
            try {
                decoded = Bech32.decode(trimmed);
            } catch (IllegalArgumentException e) {
                throw new AgeException("age.identity.invalid", e.getMessage());
            }
            if (!SECRET_KEY_HRP.equals(decoded.hrp) || decoded.data.length != KEY_LENGTH) {
                Arrays.fill(decoded.data, (byte) 0);
                throw new AgeException("age.identity.notSecretKey");
            }
            return new AgeIdentity(decoded.data);
        } finally {
            Arrays.fill(trimmed, '\0');
        }
    }

    /**
     * Returns the public recipient string {@code age1…} (not secret).
     *
     * @return the recipient
     */
    public String recipient() {
        return recipient;
    }

    /**
     * Encodes the identity as {@code AGE-SECRET-KEY-1…}. The caller owns the returned array and must wipe it.
     *
     * @return a fresh char array holding the secret key
     */
    public char[] toChars() {
        checkAlive();
        return Bech32.encode(SECRET_KEY_HRP, secret, true);
    }

    /**
     * Key id of this identity's recipient; see {@link #keyId(String)}.
     *
     * @return 16 lower-case hex characters
     */
    public String keyId() {
        return keyId(recipient);
    }

    /**
     * The EpiFlow key id of an X25519 recipient: the first 8 bytes of SHA-256 over the ASCII recipient string
     * ({@code age1…}, exactly as written by age), as 16 lower-case hex characters. Not an age concept; it lets a
     * public bundle header name its recipients without the recipients' full keys.
     *
     * @param recipient an {@code age1…} string
     * @return 16 lower-case hex characters
     */
    public static String keyId(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Checks that a string is a well-formed X25519 recipient ({@code age1…}, lower case, 32-byte key).
     *
     * @param recipient candidate
     * @return true if valid
     */
    public static boolean isValidRecipient(String recipient) {
        try {
            Bech32.Decoded d = Bech32.decode(recipient.toCharArray());
            return RECIPIENT_HRP.equals(d.hrp) && d.data.length == KEY_LENGTH;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Builds jagged's X25519 stanza reader; the Bech32 text handed to jagged is wiped afterwards. */
    RecipientStanzaReader newStanzaReader() throws GeneralSecurityException {
        char[] chars = toChars();
        try {
            return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(CharBuffer.wrap(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Overwrites the secret key. */
    @Override
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + recipient + (destroyed ? ", destroyed" : "") + "]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("identity has been destroyed");
        }
    }

    private static char[] trim(char[] in) {
        int start = 0;
        int end = in.length;
        while (start < end && Character.isWhitespace(in[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(in[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(in, start, end);
    }

    private static boolean startsWith(char[] s, String prefix) {
        if (s.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
