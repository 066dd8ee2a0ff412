package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeCodec;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.bundle.minisign.MinisignHasher;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.bundle.minisign.VerifiedSignature;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.Period;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Opens bundles, running the checks of docs/bundle-format.md in order: container → carrier signature →
 * decryption → manifest and table hashes → expiry and purpose → aggregate-only rules. Nothing is returned unless
 * every check passes; everything decrypted stays in memory and is dropped on failure.
 */
public final class BundleReader {
    private static final int CHUNK = 1 << 20;
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
            return verify(ch, progress);
        }
    }

    /** Runs every check and returns the opened bundle. */
    public OpenedBundle open(Path file, BundleCredentials credentials, BundleProgress progress)
            throws IOException, BundleException {
        try (FileChannel ch = open(file)) {
            Verified v = verify(ch, progress);
            checkRecipient(v.header(), credentials);
            ProblemLog problems = new ProblemLog();
            PayloadContent content;
            try (InputStream plain = decrypt(ch, v.layout(), credentials, progress)) {
                content = new PayloadReader(limits, problems, v.header().bundleId()).read(plain);
            } catch (CancelledIO e) {
                throw new BundleCancelledException();
            } catch (IOException e) {
                throw translate(e);
            }
            if (!content.sha256().equals(v.statement().payloadSha256())) {
                problems.signature("the decrypted payload is not the one the carrier signed (payload hash differs)");
            }
            problems.throwUpToManifest();
            BundleManifest m = content.manifest();
            if (!m.issuer().equals(v.header().issuer())) {
                throw new BundleManifestException("manifest.json names issuer '" + m.issuer()
                        + "' but the header names '" + v.header().issuer() + "'");
            }
            LocalDate today = LocalDate.now(clock);
            if (today.isAfter(m.expires())) {
                throw new BundleExpiredException("the bundle expired on " + m.expires() + " (today is " + today
                        + ")");
            }
            if (!BundleManifest.PURPOSE.equals(m.purpose())) {
                throw new BundlePurposeException("the bundle is declared for '" + m.purpose()
                        + "', not for " + BundleManifest.PURPOSE);
            }
            problems.throwAggregate();
            if (content.regions() == null || content.flows() == null) {
                throw new BundleManifestException("the payload lacks regions.csv or flows.csv");
            }
            progress.update("Opened", 1.0);
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

    private Verified verify(FileChannel ch, BundleProgress progress) throws IOException, BundleException {
        progress.update("Checking the bundle file", 0.0);
        BundleContainer.Layout layout = BundleContainer.read(ch, limits);
        BundleHeader header = BundleHeader.parse(layout.header());
        String sigText = new String(layout.signature(), java.nio.charset.StandardCharsets.UTF_8);
        byte[] digest = hashPayload(ch, layout, progress);
        VerifiedSignature verified;
        try {
            verified = BundleSignatures.verify(trust, sigText, digest);
        } catch (MinisignException e) {
            throw new BundleSignatureException(e.getMessage(), e);
        }
        SignedStatement statement = SignedStatement.parse(verified.trustedComment());
        if (!statement.bundleId().equals(header.bundleId())) {
            throw new BundleSignatureException("the signature is for bundle " + statement.bundleId()
                    + " but the header names " + header.bundleId());
        }
        String headerHash = HexFormat.of().formatHex(PayloadWriter.sha256().digest(layout.header()));
        if (!headerHash.equals(statement.headerSha256())) {
            throw new BundleSignatureException("header.json was altered after signing (its hash differs)");
        }
        String signer = verified.publicKey().keyIdHex();
        if (!signer.equalsIgnoreCase(header.signerKeyId())) {
            throw new BundleSignatureException("the header names signer " + header.signerKeyId()
                    + " but the bundle was signed by " + signer);
        }
        return new Verified(header, statement, signer, Fingerprint.of(digest), layout);
    }

    private byte[] hashPayload(FileChannel ch, BundleContainer.Layout layout, BundleProgress progress)
            throws IOException, BundleException {
        MinisignHasher hasher = new MinisignHasher();
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        long pos = layout.payloadOffset();
        long end = pos + layout.payloadLength();
        while (pos < end) {
            if (progress.isCancelled()) {
                throw new BundleCancelledException();
            }
            buf.clear().limit((int) Math.min(CHUNK, end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new BundleFormatException("the file is truncated inside payload.age");
            }
            buf.flip();
            crc.update(buf.duplicate());
            hasher.update(buf);
            pos += n;
            progress.update("Verifying the carrier signature",
                    0.25 * (pos - layout.payloadOffset()) / Math.max(1, layout.payloadLength()));
        }
        if ((int) crc.getValue() != layout.payloadCrc()) {
            throw new BundleFormatException("payload.age fails its CRC check (damaged file)");
        }
        return hasher.digest();
    }

    private static void checkRecipient(BundleHeader header, BundleCredentials credentials)
            throws BundleDecryptionException {
        boolean passphraseBundle = header.recipients().stream().anyMatch(r -> "scrypt".equals(r.type()));
        if (credentials.identity() != null && passphraseBundle) {
            throw new BundleDecryptionException("this bundle is sealed to a passphrase, not to an officer's key; "
                    + "open it with its passphrase");
        }
        if (credentials.identity() != null) {
            String mine = AgeIdentity.keyId(credentials.identity().recipient());
            boolean listed = header.recipients().stream().anyMatch(r -> mine.equals(r.keyId()));
            if (!listed) {
                throw new BundleDecryptionException("this bundle was not sealed for your key (your key id is "
                        + mine + "; the bundle lists " + header.recipients().stream()
                        .map(r -> r.keyId() == null ? r.type() : r.keyId()).toList() + ")");
            }
        } else if (!passphraseBundle) {
            throw new BundleDecryptionException("this bundle is sealed to officers' keys, not to a passphrase; "
                    + "unlock your identity file to open it");
        }
    }

    private InputStream decrypt(FileChannel ch, BundleContainer.Layout layout, BundleCredentials credentials,
                                BundleProgress progress) throws IOException, BundleException {
        ReadableByteChannel cipher = new SliceChannel(ch, layout.payloadOffset(), layout.payloadLength(), progress);
        try {
            ReadableByteChannel plain = credentials.identity() != null
                    ? AgeCodec.decrypt(cipher, credentials.identity())
                    : AgeCodec.decryptWithPassphrase(cipher, credentials.passphrase(), limits.maxScryptLogN());
            return Channels.newInputStream(plain);
        } catch (AgeException e) {
            throw new BundleDecryptionException(e.getMessage(), e);
        }
    }

    /** Reports progress over the ciphertext and honours cancellation. */
    private static final class SliceChannel implements ReadableByteChannel {
        private final FileChannel ch;
        private final long start;
        private final long end;
        private final BundleProgress progress;
        private long pos;
        private boolean open = true;

        SliceChannel(FileChannel ch, long start, long length, BundleProgress progress) {
            this.ch = ch;
            this.start = start;
            this.end = start + length;
            this.progress = progress;
            this.pos = start;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (progress.isCancelled()) {
                throw new CancelledIO();
            }
            if (pos >= end) {
                return -1;
            }
            int max = (int) Math.min(dst.remaining(), end - pos);
            ByteBuffer view = dst.slice();
            view.limit(max);
            int n = ch.read(view, pos);
            if (n > 0) {
                dst.position(dst.position() + n);
                pos += n;
                progress.update("Decrypting and checking tables", 0.25 + 0.75 * (pos - start) / (end - start));
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Signals cancellation from inside a read. */
    static final class CancelledIO extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** An I/O error while streaming the plaintext: a payload authentication failure, or a real I/O error. */
    private static IOException translate(IOException e) throws BundleException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AgeException age) {
                throw new BundleDecryptionException(age.getMessage(), e);
            }
            if (t instanceof java.security.GeneralSecurityException
                    || t.getClass().getName().startsWith("com.exceptionfactory.jagged")) {
                throw new BundleDecryptionException("the encrypted payload is damaged or was altered "
                        + "(authentication failed)", e);
            }
        }
        return e;
    }
}
