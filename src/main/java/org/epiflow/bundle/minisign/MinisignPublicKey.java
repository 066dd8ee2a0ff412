package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A minisign public key: an 8-byte key id and a 32-byte Ed25519 public key. Immutable.
 *
 * <p>Binary form (base64 in the .pub file): {@code "Ed" ‖ keyId[8] ‖ pk[32]}, 42 bytes. Keys that are not canonical
 * encodings of a point of prime order (low-order or mixed-order points) are refused when parsed.
 */
public final class MinisignPublicKey {

    static final byte[] SIG_ALG = {'E', 'd'};
    static final int KEY_ID_BYTES = 8;
    static final int ENCODED_BYTES = 2 + KEY_ID_BYTES + Ed25519Strict.PUBLIC_KEY_BYTES;

    private final byte[] keyId;
    private final byte[] key;

    private MinisignPublicKey(byte[] keyId, byte[] key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * Builds a public key from its parts.
     *
     * @param keyId 8 bytes, as stored in minisign files
     * @param key   32-byte Ed25519 public key
     * @throws MinisignFormatException on wrong lengths or a key that is not a valid prime-order point
     */
    public static MinisignPublicKey of(byte[] keyId, byte[] key) throws MinisignFormatException {
        if (keyId == null || keyId.length != KEY_ID_BYTES) {
            throw new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.keyId"),
                    keyId == null ? 0 : keyId.length, KEY_ID_BYTES);
        }
        if (key == null || key.length != Ed25519Strict.PUBLIC_KEY_BYTES) {
            throw new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.publicKey"),
                    key == null ? 0 : key.length, Ed25519Strict.PUBLIC_KEY_BYTES);
        }
        if (!Ed25519Strict.isValidPublicKey(key)) {
            throw new MinisignFormatException("minisign.key.invalidPoint", Armor.keyIdHex(keyId));
        }
        return new MinisignPublicKey(keyId.clone(), key.clone());
    }

    /**
     * Parses the contents of a minisign .pub file ({@code untrusted comment:} line, then the base64 line) or the bare
     * base64 line (as given to {@code minisign -P}).
     */
    public static MinisignPublicKey parse(String text) throws MinisignFormatException {
        List<String> lines = Armor.lines(text, Message.of("minisign.part.publicKeyText"));
        if (lines.size() == 2) {
            if (!lines.get(0).startsWith(Armor.UNTRUSTED_PREFIX)) {
                throw new MinisignFormatException("minisign.key.line1", Armor.UNTRUSTED_PREFIX.strip());
            }
            return fromBase64(lines.get(1));
        }
        if (lines.size() == 1) {
            return fromBase64(lines.get(0).strip());
        }
        throw new MinisignFormatException("minisign.key.lineCount", lines.size());
    }

    /** Reads and parses a minisign .pub file. */
    public static MinisignPublicKey read(Path file) throws IOException, MinisignFormatException {
        return parse(readSmallText(file));
    }

    /** Decodes the 56-character base64 line of a public key. */
    public static MinisignPublicKey fromBase64(String b64) throws MinisignFormatException {
        byte[] raw = Armor.decode(b64, ENCODED_BYTES, Message.of("minisign.part.publicKey"));
        if (raw[0] != SIG_ALG[0] || raw[1] != SIG_ALG[1]) {
            throw new MinisignFormatException("minisign.key.algorithm", printable(raw, 0, 2));
        }
        return of(Arrays.copyOfRange(raw, 2, 2 + KEY_ID_BYTES), Arrays.copyOfRange(raw, 2 + KEY_ID_BYTES, raw.length));
    }

    /** @return a copy of the 8-byte key id, in file order */
    public byte[] keyId() {
        return keyId.clone();
    }

    /**
     * @return the key id as minisign prints it: the little-endian uint64 in uppercase hex, not zero-padded
     *         (minisign uses {@code "%" PRIX64}, so ids below 2^60 have fewer than 16 digits)
     */
    public String keyIdHex() {
        return Armor.keyIdHex(keyId);
    }

    /** @return a copy of the 32-byte Ed25519 public key */
    public byte[] key() {
        return key.clone();
    }

    /** @return the base64 line, as accepted by {@code minisign -P} */
    public String toBase64() {
        byte[] raw = new byte[ENCODED_BYTES];
        System.arraycopy(SIG_ALG, 0, raw, 0, 2);
        System.arraycopy(keyId, 0, raw, 2, KEY_ID_BYTES);
        System.arraycopy(key, 0, raw, 2 + KEY_ID_BYTES, key.length);
        return Armor.encode(raw);
    }

    /** @return the .pub file text exactly as {@code minisign -G} writes it */
    public String toFileText() {
        return Armor.UNTRUSTED_PREFIX + "minisign public key " + keyIdHex() + "\n" + toBase64() + "\n";
    }

    /** Writes {@link #toFileText()} to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toFileText(), StandardCharsets.UTF_8);
    }

    boolean sameKeyId(byte[] otherKeyId) {
        return Arrays.equals(keyId, otherKeyId);
    }

    byte[] keyUnsafe() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinisignPublicKey other
                && Arrays.equals(keyId, other.keyId) && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keyId) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MinisignPublicKey[" + keyIdHex() + "]";
    }

    static String readSmallText(Path file) throws IOException, MinisignFormatException {
        long size = Files.size(file);
        if (size > Armor.MAX_TEXT_CHARS) {
            throw new MinisignFormatException("minisign.file.tooLarge", String.valueOf(file.getFileName()), size);
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
