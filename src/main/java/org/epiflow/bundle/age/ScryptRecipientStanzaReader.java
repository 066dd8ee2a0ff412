package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;

import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the age v1 scrypt (passphrase) recipient stanza, strictly as the spec demands:
 * <ul>
 *   <li>an scrypt stanza must be the only stanza in the header, else {@link AgeHeaderException};</li>
 *   <li>exactly two arguments: canonical unpadded Base64 of exactly 16 bytes, and the work factor logN as
 *       canonical decimal (no sign, no leading zero, &gt; 0), else {@link AgeHeaderException};</li>
 *   <li>logN above {@code maxLogN} gives {@link WorkFactorTooHighException} <em>before</em> any scrypt work;</li>
 *   <li>the body must be exactly 32 bytes, else {@link AgeHeaderException};</li>
 *   <li>a body that does not open gives {@link WrongPassphraseException}; a header without scrypt stanza gives
 *       {@link NoIdentityMatchException}.</li>
 * </ul>
 * Failures are thrown as {@link GeneralSecurityException} (jagged's contract) whose cause is the
 * {@link AgeException} named above; {@link AgeCodec} rethrows that cause.
 */
public final class ScryptRecipientStanzaReader implements RecipientStanzaReader, Destroyable, AutoCloseable {
    /** Highest work factor accepted by default: 2^20 (about 1 GiB·s; age's own default for files is 2^18). */
    public static final int DEFAULT_MAX_LOG_N = 20;

    private final char[] passphrase;
    private final int maxLogN;
    private volatile boolean destroyed;

    /**
     * @param passphrase passphrase; copied, the caller may wipe its array right away
     * @param maxLogN    highest accepted work factor exponent (1..30)
     */
    public ScryptRecipientStanzaReader(char[] passphrase, int maxLogN) {
        Scrypt.checkLogN(maxLogN, "maxLogN");
        this.passphrase = passphrase.clone();
        this.maxLogN = maxLogN;
    }

    /**
     * Creates a reader accepting work factors up to {@link #DEFAULT_MAX_LOG_N}.
     *
     * @param passphrase passphrase; copied
     */
    public ScryptRecipientStanzaReader(char[] passphrase) {
        this(passphrase, DEFAULT_MAX_LOG_N);
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> recipientStanzas) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("reader has been destroyed");
        }
        List<RecipientStanza> stanzas = new ArrayList<>();
        recipientStanzas.forEach(stanzas::add);
        for (RecipientStanza s : stanzas) {
            if (Scrypt.TYPE.equals(s.getType()) && stanzas.size() != 1) {
                throw reject(new AgeHeaderException(AgeHeaderException.detail("age.header.detail.scryptAlone")));
            }
        }
        if (stanzas.isEmpty() || !Scrypt.TYPE.equals(stanzas.get(0).getType())) {
            throw reject(new NoIdentityMatchException(Message.of("age.noIdentityMatch.notPassphrase")));
        }
        RecipientStanza stanza = stanzas.get(0);
        List<String> args = stanza.getArguments();
        if (args.size() != 2) {
            throw reject(malformed("age.header.detail.scryptArguments"));
        }
        byte[] salt = StrictBase64.decodeOrNull(args.get(0));
        if (salt == null || salt.length != Scrypt.SALT_LENGTH) {
            throw reject(malformed("age.header.detail.scryptSalt"));
        }
        int logN = parseWorkFactor(args.get(1));
        if (logN > maxLogN) {
            throw reject(new WorkFactorTooHighException(Message.of("age.scrypt.workFactorAbove", logN, maxLogN)));
        }
        byte[] body = stanza.getBody();
        if (body.length != Scrypt.BODY_LENGTH) {
            throw reject(malformed("age.header.detail.scryptBody"));
        }
        byte[] wrapKey = Scrypt.wrapKey(passphrase, salt, logN);
        try {
            return Scrypt.open(body, wrapKey);
        } catch (AEADBadTagException e) {
            throw reject(new WrongPassphraseException(e));
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
    }

    private static int parseWorkFactor(String text) throws StanzaRejection {
        boolean canonical = !text.isEmpty() && text.charAt(0) != '0' && text.length() <= 9;
        for (int i = 0; canonical && i < text.length(); i++) {
            char c = text.charAt(i);
            canonical = c >= '0' && c <= '9';
        }
        if (!canonical) {
            throw reject(malformed("age.header.detail.scryptWorkFactor"));
        }
        return Integer.parseInt(text);
    }

    private static AgeHeaderException malformed(String detailKey) {
        return new AgeHeaderException(AgeHeaderException.detail(detailKey));
    }

    private static StanzaRejection reject(AgeException e) {
        return new StanzaRejection(e);
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
