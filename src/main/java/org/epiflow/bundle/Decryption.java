package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeCodec;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeHeaderSummary;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.WrongPassphraseException;
import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Decrypts a verified bundle's {@code payload.age}: checks that the officer is a recipient, that the age header's
 * stanzas are the ones the public header lists (and within the limits: count, scrypt work factor), then — for a
 * bundle sealed to a passphrase — asks for the passphrase, up to {@value #MAX_ATTEMPTS} times.
 */
final class Decryption {
    static final int MAX_ATTEMPTS = 3;

    private Decryption() {
    }

    /** The plaintext of the payload, as a stream; payload damage surfaces while it is read. */
    static InputStream open(FileChannel ch, Path file, BundleReader.Verified v, BundleCredentials credentials,
                            BundleLimits limits, BundleProgress progress) throws IOException, BundleException {
        BundleHeader header = v.header();
        BundleContainer.Layout layout = v.layout();
        AgeHeaderSummary age;
        try {
            age = AgeCodec.recipientsOf(slice(ch, layout, BundleProgress.NONE));
        } catch (AgeException e) {
            throw new BundleDecryptionException(e.message(), e);
        }
        checkStanzas(header, age, limits);
        if (header.passphraseProtected()) {
            PassphraseSource source;
            if (credentials.canAskPassphrase()) {
                source = credentials::passphrase;
            } else if (progress.asksPassphrase()) {
                source = progress::passphrase;
            } else {
                throw new BundleDecryptionException("bundle.decrypt.passphraseNeeded");
            }
            return withPassphrase(ch, file, v, source, limits, progress);
        }
        AgeIdentity identity = credentials.identity();
        if (identity == null) {
            throw new BundleDecryptionException("bundle.decrypt.keyNeeded");
        }
        String mine = AgeIdentity.keyId(identity.recipient());
        if (header.recipients().stream().noneMatch(r -> mine.equals(r.keyId()))) {
            throw new BundleDecryptionException("bundle.decrypt.notForYou", mine,
                    String.join(", ", header.recipients().stream().map(BundleHeader.Recipient::keyId).toList()));
        }
        progress.update(BundleStage.DECRYPTING, 0.25);
        try {
            return Channels.newInputStream(AgeCodec.decrypt(slice(ch, layout, progress), identity));
        } catch (AgeException e) {
            throw new BundleDecryptionException(e.message(), e);
        }
    }

    private static InputStream withPassphrase(FileChannel ch, Path file, BundleReader.Verified v,
                                              PassphraseSource source, BundleLimits limits,
                                              BundleProgress progress) throws IOException, BundleException {
        WrongPassphraseException wrong = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            progress.update(BundleStage.ASKING_PASSPHRASE, 0.25);
            char[] pass = source.passphrase(file, v.header(), attempt);
            if (pass == null) {
                if (wrong != null) {
                    break;
                }
                throw new BundleCancelledException();
            }
            try {
                progress.update(BundleStage.DECRYPTING, 0.25);
                return Channels.newInputStream(AgeCodec.decryptWithPassphrase(slice(ch, v.layout(), progress), pass,
                        limits.maxScryptLogN()));
            } catch (WrongPassphraseException e) {
                wrong = e;
            } catch (AgeException e) {
                throw new BundleDecryptionException(e.message(), e);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
        throw new BundleDecryptionException(Message.of("bundle.decrypt.wrongPassphrase"), wrong);
    }

    /**
     * The age header must hold exactly the stanzas header.json lists — as many, of the same types — within the
     * recipient limit, and a passphrase bundle's work factor must be within the limit before anyone is asked for it.
     */
    private static void checkStanzas(BundleHeader header, AgeHeaderSummary age, BundleLimits limits)
            throws BundleDecryptionException {
        List<AgeHeaderSummary.StanzaInfo> stanzas = age.stanzas();
        if (stanzas.size() > BundleHeader.MAX_RECIPIENTS) {
            throw new BundleDecryptionException("bundle.decrypt.tooManyStanzas", stanzas.size(),
                    BundleHeader.MAX_RECIPIENTS);
        }
        List<String> listed = header.recipients().stream().map(BundleHeader.Recipient::type).sorted().toList();
        List<String> found = stanzas.stream().map(AgeHeaderSummary.StanzaInfo::type).sorted().toList();
        if (!listed.equals(found)) {
            throw new BundleDecryptionException("bundle.decrypt.stanzasDiffer", listed.size(), stanzas.size());
        }
        if (header.passphraseProtected()) {
            OptionalInt logN = stanzas.get(0).scryptLogN();
            if (logN.isPresent() && logN.getAsInt() > limits.maxScryptLogN()) {
                throw new BundleDecryptionException("bundle.decrypt.workFactor", logN.getAsInt(),
                        limits.maxScryptLogN());
            }
        }
    }

    private static ReadableByteChannel slice(FileChannel ch, BundleContainer.Layout layout, BundleProgress progress) {
        return new SliceChannel(ch, layout.payloadOffset(), layout.payloadLength(), progress);
    }

    /** Reads payload.age from the bundle file, reporting progress over the ciphertext and honouring cancellation. */
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
                throw new BundleReader.CancelledIO();
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
                progress.update(BundleStage.DECRYPTING, 0.25 + 0.75 * (pos - start) / Math.max(1, end - start));
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
}
