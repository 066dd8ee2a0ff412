package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaWriter;

import javax.security.auth.Destroyable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the age v1 scrypt (passphrase) recipient stanza:
 * {@code -> scrypt <base64 16-byte salt> <logN>} followed by the file key sealed with ChaCha20-Poly1305 (zero
 * nonce) under {@code scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt, N=2^logN, r=8, p=1, 32)}.
 *
 * <p>The writer keeps its own copy of the passphrase until {@link #destroy()}; age requires that an scrypt stanza
 * be the only stanza in a header, so never combine this writer with others.
 */
public final class ScryptRecipientStanzaWriter implements RecipientStanzaWriter, Destroyable, AutoCloseable {
    /** age's default work factor (about one second on a current machine). */
    public static final int DEFAULT_LOG_N = 18;

    private final char[] passphrase;
    private final int logN;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean destroyed;

    /**
     * @param passphrase passphrase; copied, the caller may wipe its array right away
     * @param logN       scrypt work factor exponent, 1..30 (age uses 18)
     */
    public ScryptRecipientStanzaWriter(char[] passphrase, int logN) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        Scrypt.checkLogN(logN, "logN");
        this.passphrase = passphrase.clone();
        this.logN = logN;
    }

    /**
     * Creates a writer with {@link #DEFAULT_LOG_N}.
     *
     * @param passphrase passphrase; copied
     */
    public ScryptRecipientStanzaWriter(char[] passphrase) {
        this(passphrase, DEFAULT_LOG_N);
    }

    @Override
    public Iterable<RecipientStanza> getRecipientStanzas(FileKey fileKey) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("writer has been destroyed");
        }
        byte[] salt = new byte[Scrypt.SALT_LENGTH];
        random.nextBytes(salt);
        byte[] wrapKey = Scrypt.wrapKey(passphrase, salt, logN);
        try {
            byte[] body = Scrypt.seal(fileKey, wrapKey);
            List<String> args = List.of(StrictBase64.encode(salt), Integer.toString(logN));
            return List.of(new Stanza(Scrypt.TYPE, args, body));
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
    }

    /** Wipes the passphrase copy. */
    @Override
    public void destroy() {
        Arrays.fill(passphrase, '\0');
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
}
