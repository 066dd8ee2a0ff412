package org.epiflow.ui.unlock;

import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.TrustStore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An unlocked officer: the decrypted identity and the trusted carrier keys. {@link #close()} wipes the identity;
 * the app closes the session when it locks or quits.
 */
public final class Session implements AutoCloseable {
    private final AgeIdentity identity;
    private final TrustStore trust;
    private final Path identityFile;
    private final String keyId;
    private volatile boolean closed;

    public Session(AgeIdentity identity, TrustStore trust, Path identityFile) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.identityFile = identityFile;
        this.keyId = identity.keyId();
    }

    /** The officer's key id (public, safe to show). */
    public String keyId() {
        return keyId;
    }

    public TrustStore trust() {
        return trust;
    }

    public Path identityFile() {
        return identityFile;
    }

    /**
     * The unlocked identity, for deriving the workspace keys at unlock; do not keep it. Fails once the session is
     * closed.
     */
    public AgeIdentity identity() {
        if (closed) {
            throw new IllegalStateException("the session is locked");
        }
        return identity;
    }

    /** Credentials for opening a bundle; fails once the session is closed. */
    public BundleCredentials credentials() {
        if (closed) {
            throw new IllegalStateException("the session is locked");
        }
        return BundleCredentials.of(identity);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Wipes the key material. */
    @Override
    public void close() {
        closed = true;
        identity.close();
    }
}
