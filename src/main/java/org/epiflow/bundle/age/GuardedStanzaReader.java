package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;

import javax.crypto.AEADBadTagException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wraps the one stanza reader handed to jagged. It (1) applies the header rules jagged leaves to stanza readers
 * (scrypt must stand alone; X25519 stanzas must have one 32-byte canonical share and a 32-byte body), (2) turns
 * the delegate's failures into precise {@link AgeException}s, and (3) records whether it was reached at all, so
 * {@link AgeCodec} can tell a header that failed to parse from a MAC failure after a successful unwrap.
 */
final class GuardedStanzaReader implements RecipientStanzaReader {
    static final String X25519_TYPE = "X25519";
    static final String HYBRID_TYPE = "mlkem768x25519";
    private static final int X25519_SHARE_LENGTH = 32;
    private static final int X25519_BODY_LENGTH = 32;

    private final RecipientStanzaReader delegate;
    private final boolean x25519;
    private boolean invoked;
    private boolean unwrapped;
    private AgeException rejection;

    GuardedStanzaReader(RecipientStanzaReader delegate, boolean x25519) {
        this.delegate = delegate;
        this.x25519 = x25519;
    }

    boolean invoked() {
        return invoked;
    }

    boolean unwrapped() {
        return unwrapped;
    }

    AgeException rejection() {
        return rejection;
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> recipientStanzas) throws GeneralSecurityException {
        invoked = true;
        List<RecipientStanza> stanzas = new ArrayList<>();
        recipientStanzas.forEach(stanzas::add);
        try {
            validate(stanzas);
            FileKey key = unwrap(stanzas);
            unwrapped = true;
            return key;
        } catch (StanzaRejection r) {
            rejection = r.reason();
            throw r;
        }
    }

    private void validate(List<RecipientStanza> stanzas) throws StanzaRejection {
        boolean hasScrypt = stanzas.stream().anyMatch(s -> Scrypt.TYPE.equals(s.getType()));
        if (hasScrypt && stanzas.size() != 1) {
            throw header("age.header.detail.scryptAlone");
        }
        if (!x25519) {
            return;
        }
        for (RecipientStanza s : stanzas) {
            if (!X25519_TYPE.equals(s.getType())) {
                continue;
            }
            if (s.getArguments().size() != 1) {
                throw header("age.header.detail.x25519Arguments");
            }
            byte[] share = StrictBase64.decodeOrNull(s.getArguments().get(0));
            if (share == null || share.length != X25519_SHARE_LENGTH) {
                throw header("age.header.detail.x25519Share");
            }
            if (s.getBody().length != X25519_BODY_LENGTH) {
                throw header("age.header.detail.x25519Body");
            }
            if (lowOrder(share)) {
                throw header("age.header.detail.x25519LowOrder");
            }
        }
    }

    private FileKey unwrap(List<RecipientStanza> stanzas) throws StanzaRejection {
        try {
            return delegate.getFileKey(stanzas);
        } catch (StanzaRejection r) {
            throw r;
        } catch (GeneralSecurityException e) {
            if (e.getCause() instanceof AgeException) {
                throw new StanzaRejection((AgeException) e.getCause());
            }
            throw new StanzaRejection(classifyX25519Failure(stanzas, e));
        }
    }

    private static AgeException classifyX25519Failure(List<RecipientStanza> stanzas, GeneralSecurityException e) {
        boolean anyX25519 = stanzas.stream().anyMatch(s -> X25519_TYPE.equals(s.getType()));
        if (!anyX25519) {
            if (stanzas.stream().anyMatch(s -> HYBRID_TYPE.equals(s.getType()))) {
                return new UnsupportedRecipientException(Message.of("age.recipient.postQuantum", HYBRID_TYPE), e);
            }
            if (stanzas.stream().anyMatch(s -> Scrypt.TYPE.equals(s.getType()))) {
                return new NoIdentityMatchException(Message.of("age.noIdentityMatch.passphrase"), e);
            }
            return new NoIdentityMatchException(e);
        }
        if (e instanceof UnsupportedRecipientStanzaException) {
            for (Throwable t : e.getSuppressed()) {
                if (!(t instanceof AEADBadTagException)) {
                    // e.g. a low-order ephemeral share (all-zero shared secret): a malformed stanza, not a mismatch
                    return new AgeHeaderException(AgeHeaderException.detail("age.header.detail.x25519Invalid",
                            String.valueOf(t.getMessage())), e);
                }
            }
            return new NoIdentityMatchException(e);
        }
        return new AgeHeaderException(e);
    }

    /**
     * Whether an X25519 share is a point of small order, for which every recipient's shared secret is all zero: the
     * age specification requires refusing the whole file (as the age CLI does), not just skipping the stanza.
     * Clamped scalars are multiples of the cofactor 8, so any fixed scalar gives zero exactly for those points.
     */
    static boolean lowOrder(byte[] share) {
        byte[] scalar = new byte[X25519_SHARE_LENGTH];
        Arrays.fill(scalar, (byte) 0x5A);
        byte[] out = new byte[X25519_SHARE_LENGTH];
        return !org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(scalar, 0, share, 0, out, 0);
    }

    private static StanzaRejection header(String detailKey) {
        return new StanzaRejection(new AgeHeaderException(AgeHeaderException.detail(detailKey)));
    }
}
