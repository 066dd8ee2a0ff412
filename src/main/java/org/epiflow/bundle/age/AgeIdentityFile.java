package org.epiflow.bundle.age;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;

/**
 * Passphrase-protected identity files, byte-compatible with {@code age-keygen | age -p > officer.key}: a binary
 * age file (single scrypt stanza) whose plaintext is age-keygen's output
 * <pre>
 * # created: 2024-05-01T12:00:00+02:00
 * # public key: age1…
 * AGE-SECRET-KEY-1…
 * </pre>
 * Use with the CLI as {@code age -d -i officer.key file.age} (age asks for the passphrase). The plaintext never
 * touches disk: it is encrypted in memory-sized pieces straight into the file, and every temporary buffer holding
 * secret material is wiped.
 */
public final class AgeIdentityFile {
    private static final int MAX_PLAINTEXT = 64 * 1024;
    private static final String PUBLIC_KEY_COMMENT = "# public key: ";

    private AgeIdentityFile() {
    }

    /**
     * Writes a new passphrase-protected identity file. The file must not exist yet; on POSIX file systems it is
     * created with mode 0600 atomically.
     *
     * @param path       new file
     * @param identity   identity to store
     * @param passphrase passphrase; not retained
     * @param logN       scrypt work factor exponent (age's default is 18)
     * @throws AgeException on encryption setup failure
     * @throws IOException  on file system failure, including {@link java.nio.file.FileAlreadyExistsException}
     */
    public static void write(Path path, AgeIdentity identity, char[] passphrase, int logN)
            throws AgeException, IOException {
        byte[] plain = plaintext(identity);
        try (SeekableByteChannel file = createOwnerOnly(path);
             WritableByteChannel enc = AgeCodec.encryptWithPassphrase(file, passphrase, logN)) {
            ByteBuffer buf = ByteBuffer.wrap(plain);
            while (buf.hasRemaining()) {
                enc.write(buf);
            }
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Reads a passphrase-protected identity file (binary or ASCII-armored), as written by {@link #write} or by
     * {@code age-keygen | age -p}. The work factor is capped at
     * {@link ScryptRecipientStanzaReader#DEFAULT_MAX_LOG_N}.
     *
     * @param path       identity file
     * @param passphrase passphrase; not retained
     * @return the identity (caller closes it)
     * @throws WrongPassphraseException if the passphrase is wrong
     * @throws AgeException             if the file is not a protected identity file (an unencrypted one is
     *                                  refused here; see {@link #readUnencrypted})
     * @throws IOException              on file system failure
     */
    public static AgeIdentity read(Path path, char[] passphrase) throws AgeException, IOException {
        byte[] plain = null;
        try (ReadableByteChannel file = Files.newByteChannel(path)) {
            PeekedChannel in = new PeekedChannel(file);
            if (in.startsWith("AGE-SECRET-KEY-") || in.startsWith("#")) {
                throw new AgeException("age.identityFile.unprotected", String.valueOf(path.getFileName()));
            }
            try (ReadableByteChannel dec = AgeCodec.decryptWithPassphrase(in, passphrase,
                    ScryptRecipientStanzaReader.DEFAULT_MAX_LOG_N)) {
                plain = readAll(dec);
            }
            return parse(plain);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Reads an <em>unencrypted</em> identity file ({@code age-keygen -o key.txt}). Only for callers that have
     * deliberately decided to accept an unprotected key (for example tests or a user-confirmed import).
     *
     * @param path identity file
     * @return the identity (caller closes it)
     * @throws AgeException if the file holds no X25519 identity
     * @throws IOException  on file system failure
     */
    public static AgeIdentity readUnencrypted(Path path) throws AgeException, IOException {
        byte[] plain = null;
        try (ReadableByteChannel file = Files.newByteChannel(path)) {
            plain = readAll(file);
            return parse(plain);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    static byte[] plaintext(AgeIdentity identity) {
        String created = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        byte[] head = ("# created: " + created + "\n" + PUBLIC_KEY_COMMENT + identity.recipient() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        char[] secret = identity.toChars();
        byte[] out = new byte[head.length + secret.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < secret.length; i++) {
            out[head.length + i] = (byte) secret[i];
        }
        out[out.length - 1] = '\n';
        Arrays.fill(secret, '\0');
        return out;
    }

    /** Parses identity-file text: '#' comments and blank lines ignored, exactly one identity line. */
    static AgeIdentity parse(byte[] text) throws AgeException {
        AgeIdentity found = null;
        String publicKeyComment = null;
        int pos = 0;
        try {
            while (pos < text.length) {
                int end = pos;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                int lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
                if (lineEnd > pos && text[pos] != '#') {
                    char[] line = new char[lineEnd - pos];
                    for (int i = 0; i < line.length; i++) {
                        line[i] = (char) (text[pos + i] & 0xff);
                    }
                    try {
                        if (found != null) {
                            throw new AgeException("age.identityFile.several");
                        }
                        found = AgeIdentity.parse(line);
                    } finally {
                        Arrays.fill(line, '\0');
                    }
                } else if (lineEnd > pos) {
                    String comment = new String(text, pos, lineEnd - pos, StandardCharsets.US_ASCII);
                    if (comment.startsWith(PUBLIC_KEY_COMMENT)) {
                        publicKeyComment = comment.substring(PUBLIC_KEY_COMMENT.length()).strip();
                    }
                }
                pos = end + 1;
            }
        } catch (AgeException e) {
            if (found != null) {
                found.destroy();
            }
            throw e;
        }
        if (found == null) {
            throw new AgeException("age.identityFile.none");
        }
        if (publicKeyComment != null && !publicKeyComment.equals(found.recipient())) {
            found.destroy();
            throw new AgeException("age.identityFile.inconsistent");
        }
        return found;
    }

    private static byte[] readAll(ReadableByteChannel in) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_PLAINTEXT + 1);
        try {
            while (buf.hasRemaining() && in.read(buf) >= 0) {
                // fill
            }
            if (!buf.hasRemaining()) {
                throw new AgeException("age.identityFile.tooLarge");
            }
            buf.flip();
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } finally {
            Arrays.fill(buf.array(), (byte) 0);
        }
    }

    private static SeekableByteChannel createOwnerOnly(Path path) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.newByteChannel(path, options, ownerOnly);
        }
        return Files.newByteChannel(path, options);
    }
}
