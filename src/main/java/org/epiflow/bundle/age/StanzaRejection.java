package org.epiflow.bundle.age;

import java.security.GeneralSecurityException;

/**
 * Carries one of our {@link AgeException}s through jagged's {@code RecipientStanzaReader} contract, which only
 * allows {@link GeneralSecurityException}. {@link AgeCodec} unwraps it; other callers see the cause.
 */
final class StanzaRejection extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    StanzaRejection(AgeException reason) {
        super(reason.getMessage(), reason);
    }

    AgeException reason() {
        return (AgeException) getCause();
    }
}
