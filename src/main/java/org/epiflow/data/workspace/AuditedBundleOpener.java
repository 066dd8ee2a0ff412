package org.epiflow.data.workspace;

import org.epiflow.bundle.BundleCancelledException;
import org.epiflow.bundle.BundleCredentials;
import org.epiflow.bundle.BundleException;
import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.bundle.minisign.TrustStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens bundles for the officer, the same way in the app and on the command line: every opening and every refusal
 * is in the audit trail, on disk, before the data is handed over — if the trail cannot record it, the bundle is not
 * opened ({@link WorkspaceException}). The catalogue recognises a renamed copy as the same bundle and reports the
 * same bundle id with other content or another signer as a conflict ({@link Opened#recorded()}).
 *
 * <p>Three ways in:
 * <ul>
 *   <li>{@link #open}: every check of the file ({@link BundleReader#open}), then recorded and cached.</li>
 *   <li>{@link #openUsingCache}: the container and carrier signature of the file are checked again (no
 *       decryption); if it is byte-for-byte the bundle in the cache (same signer, id, payload hash and
 *       fingerprint) and not expired, the cached tables are used; otherwise as {@link #open}.</li>
 *   <li>{@link #reopen}: from the cache alone, without the file (after a lock or a restart). Checked again: the
 *       cached copy's MAC (it is exactly what was verified when first opened, bound to the signer, bundle id and
 *       payload hash the carrier signed), that the bundle has not expired since (expiry depends on the day), and
 *       that its signer is still in the trust store (a carrier key removed from it stops its bundles). Not checked
 *       again: the signature and decryption (the MAC already proves the copy is the verified one, and redoing them
 *       would mean reading and hashing the whole file) and the aggregate rules (the tables are unchanged). The
 *       reopening itself is recorded like any open.</li>
 * </ul>
 * A damaged cached copy is dropped and reported (rebuilt from the file the next time it is opened).
 */
public final class AuditedBundleOpener {
    private final Workspace workspace;
    private final BundleReader reader;
    private final TrustStore trust;

    public AuditedBundleOpener(Workspace workspace, BundleReader reader, TrustStore trust) {
        this.workspace = workspace;
        this.reader = reader;
        this.trust = trust;
    }

    /** How a bundle was opened. */
    public enum How {
        /** Every check of the file. */
        FILE,
        /** The file's signature checked, the tables from the encrypted cache. */
        CACHE,
        /** From the encrypted cache alone. */
        SESSION
    }

    /** A bundle opened and recorded. */
    public record Opened(OpenedBundle bundle, BundleCatalogue.Recorded recorded, How how) {
    }

    /** Source of the officer's credentials, asked only when the file must be decrypted. */
    @FunctionalInterface
    public interface Credentials {
        BundleCredentials get() throws IOException, BundleException;
    }

    /** Every check, then recorded and cached (see the class comment). */
    public Opened open(Path file, Credentials credentials, BundleProgress progress)
            throws IOException, BundleException, WorkspaceException {
        OpenedBundle b;
        try (BundleCredentials creds = credentials.get()) {
            b = reader.open(file, creds, progress);
        } catch (BundleCancelledException cancelled) {
            throw cancelled;
        } catch (BundleException refused) {
            recordRefusal(file, refused);
            throw refused;
        }
        BundleCatalogue.Recorded r = workspace.catalogue().recordOpened(b, "file");
        cacheQuietly(b);
        return new Opened(b, r, How.FILE);
    }

    /** From the cache when the file is the cached bundle, else every check (see the class comment). */
    public Opened openUsingCache(Path file, Credentials credentials, BundleProgress progress)
            throws IOException, BundleException, WorkspaceException {
        BundleReader.Verified v;
        try {
            v = reader.verify(file, progress);
        } catch (BundleCancelledException cancelled) {
            throw cancelled;
        } catch (BundleException refused) {
            recordRefusal(file, refused);
            throw refused;
        }
        BundleCatalogue.Key key = new BundleCatalogue.Key(v.signerKeyId(), v.header().bundleId(),
                v.statement().payloadSha256());
        Optional<DatasetCache.Cached> cached = cached(key);
        if (cached.isPresent() && cached.get().fingerprint().equals(v.fingerprint())
                && cached.get().data().info().bundleId().equals(key.bundleId())) {
            OpenedBundle b = new OpenedBundle(file, v.header(), v.signerKeyId(), v.fingerprint(),
                    cached.get().data(), v.statement().payloadSha256());
            progress.update(org.epiflow.bundle.BundleStage.OPENED, 1.0);
            return new Opened(b, workspace.catalogue().recordOpened(b, "cache"), How.CACHE);
        }
        return open(file, credentials, progress);
    }

    /** From the cache alone, if the bundle is cached, intact, not expired and its signer still trusted. */
    public Optional<Opened> reopen(BundleCatalogue.Key key) throws WorkspaceException {
        Optional<DatasetCache.Cached> cached = cached(key);
        if (cached.isEmpty() || !trusted(key.signer())) {
            return Optional.empty();
        }
        OpenedBundle b = cached.get().toOpened();
        return Optional.of(new Opened(b, workspace.catalogue().recordOpened(b, "session"), How.SESSION));
    }

    private Optional<DatasetCache.Cached> cached(BundleCatalogue.Key key) throws WorkspaceException {
        try {
            return workspace.cache().get(key);
        } catch (WorkspaceException e) {
            if (e.reason() == WorkspaceException.Reason.CORRUPTED) {
                // the cache is damaged: the bundle is opened from its file instead (the damage is reported)
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean trusted(String signer) {
        return trust.keys().stream().anyMatch(k -> k.keyIdHex().equalsIgnoreCase(signer));
    }

    private void recordRefusal(Path file, BundleException refused) {
        try {
            workspace.catalogue().recordRefused(file, refused);
        } catch (WorkspaceException notRecorded) {
            refused.addSuppressed(notRecorded);
        }
    }

    private void cacheQuietly(OpenedBundle b) {
        try {
            workspace.cache().put(b);
        } catch (WorkspaceException | IllegalArgumentException | IllegalStateException e) {
            // not cached: the bundle is decrypted again next time (damage is reported by the store)
        }
    }
}
