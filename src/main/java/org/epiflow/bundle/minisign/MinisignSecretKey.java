package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A minisign secret key: key id plus Ed25519 seed, with its {@link MinisignPublicKey}. Reads and writes minisign's
 * secret key file format (encrypted with scrypt or unencrypted, as {@code minisign -W} writes).
 *
 * <p>The seed lives in a private array that {@link #destroy()} (or {@link #close()}) overwrites with zeros; use the
 * key in try-with-resources. After destruction every secret operation throws {@link IllegalStateException}.
 * Not thread-safe with respect to {@link #destroy()}.
 */
public final class MinisignSecretKey implements Destroyable, AutoCloseable {

    private final byte[] keyId;
    private final byte[] seed;
    private final MinisignPublicKey publicKey;
    private volatile boolean destroyed;

    private MinisignSecretKey(byte[] keyId, byte[] seed, MinisignPublicKey publicKey) {
        this.keyId = keyId;
        this.seed = seed;
        this.publicKey = publicKey;
    }

    /** Generates a new key pair (random seed and key id) with a fresh {@link SecureRandom}. */
    public static MinisignSecretKey generate() {
        return generate(new SecureRandom());
    }

    /** Generates a new key pair (random seed and key id) from {@code random}. */
    public static MinisignSecretKey generate(SecureRandom random) {
        byte[] id = new byte[MinisignPublicKey.KEY_ID_BYTES];
        byte[] s = new byte[Ed25519Strict.SEED_BYTES];
        random.nextBytes(id);
        random.nextBytes(s);
        try {
            return fromSeed(id, s);
        } catch (MinisignFormatException e) {
            // Only reachable if the derived public key were invalid, which Ed25519 key generation cannot produce.
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(s, (byte) 0);
        }
    }

    /**
     * Builds a key from a known key id and 32-byte seed (the caller keeps and wipes its own copies).
     *
     * @throws MinisignFormatException on wrong lengths
     */
    public static MinisignSecretKey fromSeed(byte[] keyId, byte[] seed) throws MinisignFormatException {
        if (seed == null || seed.length != Ed25519Strict.SEED_BYTES) {
            throw new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.seed"),
                    seed == null ? 0 : seed.length, Ed25519Strict.SEED_BYTES);
        }
        MinisignPublicKey pub = MinisignPublicKey.of(keyId, Ed25519Strict.publicKeyOf(seed));
        return new MinisignSecretKey(keyId.clone(), seed.clone(), pub);
    }

    /**
     * Parses the text of a minisign secret key file.
     *
     * @param passphrase passphrase for an encrypted key (ignored for an unencrypted key); not modified or kept
     * @throws WrongPassphraseException if the key is encrypted and the passphrase is wrong or null
     * @throws MinisignFormatException  if the text is malformed, corrupted or demands too much scrypt work
     */
    public static MinisignSecretKey parse(String text, char[] passphrase) throws MinisignException {
        byte[] idAndSk = SecretKeyFile.decode(text, passphrase);
        byte[] id = Arrays.copyOfRange(idAndSk, 0, MinisignPublicKey.KEY_ID_BYTES);
        byte[] s = Arrays.copyOfRange(idAndSk, MinisignPublicKey.KEY_ID_BYTES,
                MinisignPublicKey.KEY_ID_BYTES + Ed25519Strict.SEED_BYTES);
        try {
            return fromSeed(id, s);
        } finally {
            Arrays.fill(idAndSk, (byte) 0);
            Arrays.fill(s, (byte) 0);
        }
    }

    /** Reads a minisign secret key file; see {@link #parse(String, char[])}. */
    public static MinisignSecretKey read(Path file, char[] passphrase) throws IOException, MinisignException {
        return parse(MinisignPublicKey.readSmallText(file), passphrase);
    }

    /** @return the matching public key */
    public MinisignPublicKey publicKey() {
        return publicKey;
    }

    /** @return the key id as minisign prints it */
    public String keyIdHex() {
        return publicKey.keyIdHex();
    }

    /**
     * The secret key file text.
     *
     * @param passphrase null for an unencrypted key (like {@code minisign -W}); otherwise encrypted with scrypt
     * @param params     scrypt work factor (ignored when unencrypted); {@link ScryptParams#MINISIGN_DEFAULT} matches
     *                   minisign
     */
    public String toFileText(char[] passphrase, ScryptParams params) throws MinisignFormatException {
        checkAlive();
        Objects.requireNonNull(params, "params");
        return SecretKeyFile.encode(keyId, seed, publicKey.keyUnsafe(), passphrase, params, new SecureRandom());
    }

    /**
     * Writes the secret key file (see {@link #toFileText(char[], ScryptParams)}), creating or replacing
     * {@code file}; on POSIX file systems a new file is created with mode 0600.
     */
    public void write(Path file, char[] passphrase, ScryptParams params) throws IOException, MinisignFormatException {
        String text = toFileText(passphrase, params);
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && file.getFileSystem() == FileSystems.getDefault()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Pure Ed25519 signature of {@code message} with this key. */
    byte[] sign(byte[] message) {
        checkAlive();
        return Ed25519Strict.sign(seed, publicKey.keyUnsafe(), message);
    }

    byte[] keyIdUnsafe() {
        return keyId;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret key " + keyIdHex() + " has been destroyed");
        }
    }

    /** Overwrites the seed with zeros. Idempotent. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(seed, (byte) 0);
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

    @Override
    public String toString() {
        return "MinisignSecretKey[" + keyIdHex() + (destroyed ? ", destroyed" : "") + "]";
    }
}
