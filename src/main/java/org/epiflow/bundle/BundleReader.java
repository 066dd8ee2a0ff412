package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.Period;
import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Opens bundles, running the checks of docs/bundle-format.md in order: container → carrier signature →
 * decryption → manifest and table hashes → expiry and purpose → aggregate-only rules. Nothing is returned unless
 * every check passes; everything decrypted stays in memory and is dropped on failure. Refusing costs little: the
 * signature is checked as far as it can be before the payload is read ({@link SignatureCheck}), the passphrase of a
 * passphrase bundle is asked only after the signature verified, and no payload entry is inflated beyond what its
 * manifest declares.
 */
public final class BundleReader {
    private final TrustStore trust;
    private final BundleLimits limits;
    private final Clock clock;

    public BundleReader(TrustStore trust, BundleLimits limits, Clock clock) {
        this.trust = trust;
        this.limits = limits;
        this.clock = clock;
    }

    public BundleReader(TrustStore trust) {
        this(trust, BundleLimits.DEFAULT, Clock.systemDefaultZone());
    }

    /** The result of checking only the container and the signature (no key needed). */
    public record Verified(BundleHeader header, SignedStatement statement, String signerKeyId, String fingerprint,
                           BundleContainer.Layout layout) {
    }

    /** Checks the container and the carrier signature only. */
    public Verified verify(Path file, BundleProgress progress) throws IOException, BundleException {
        try (FileChannel ch = open(file)) {
            return SignatureCheck.verify(ch, trust, limits, progress);
        }
    }

    /** Runs every check and returns the opened bundle. */
    public OpenedBundle open(Path file, BundleCredentials credentials, BundleProgress progress)
            throws IOException, BundleException {
        try (FileChannel ch = open(file)) {
            Verified v = SignatureCheck.verify(ch, trust, limits, progress);
            ProblemLog problems = new ProblemLog();
            PayloadContent content;
            try (InputStream plain = Decryption.open(ch, file, v, credentials, limits, progress)) {
                content = new PayloadReader(limits, problems, v.header().bundleId()).read(plain);
            } catch (CancelledIO e) {
                throw new BundleCancelledException();
            } catch (IOException e) {
                throw translate(e);
            }
            if (!content.sha256().equals(v.statement().payloadSha256())) {
                problems.signature(Message.of("bundle.signature.payloadHash"));
            }
            problems.throwUpToManifest();
            BundleManifest m = content.manifest();
            if (!m.issuer().equals(v.header().issuer())) {
                throw new BundleManifestException("bundle.manifest.otherIssuer", m.issuer(), v.header().issuer());
            }
            if (!m.created().equals(v.header().created())) {
                throw new BundleManifestException("bundle.manifest.otherCreated", m.created().toString(),
                        v.header().created().toString());
            }
            LocalDate today = LocalDate.now(clock);
            if (today.isAfter(m.expires())) {
                throw new BundleExpiredException(m.expires(), today);
            }
            if (!BundleManifest.PURPOSE.equals(m.purpose())) {
                throw new BundlePurposeException("bundle.purpose.other", m.purpose());
            }
            problems.throwAggregate();
            if (content.regions() == null || content.flows() == null) {
                throw new BundleManifestException("bundle.manifest.tablesLacking");
            }
            progress.update(BundleStage.OPENED, 1.0);
            BundleInfo info = new BundleInfo(m.bundleId(), m.issuer(), m.created(),
                    new Period(m.period().start(), m.period().end()), m.timeResolution(), m.geographyLevel(),
                    m.measures(), m.k(), m.roundingBase(), m.purpose(), m.expires());
            return new OpenedBundle(file, v.header(), v.signerKeyId(), v.fingerprint(),
                    new AggregateDataset(info, content.regions(), content.flows(), content.residents()),
                    v.statement().payloadSha256());
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Signals cancellation from inside a read. */
    static final class CancelledIO extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** An I/O error while streaming the plaintext: a payload authentication failure, or a real I/O error. */
    private static IOException translate(IOException e) throws BundleException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AgeException age) {
                throw new BundleDecryptionException(age.message(), e);
            }
            if (t instanceof java.security.GeneralSecurityException
                    || t.getClass().getName().startsWith("com.exceptionfactory.jagged")) {
                throw new BundleDecryptionException(Message.of("bundle.decrypt.damaged"), e);
            }
        }
        return e;
    }
}
