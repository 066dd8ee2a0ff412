package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A prehashed minisign signature, i.e. the four lines of a {@code .minisig} file:
 * <pre>
 * untrusted comment: &lt;text&gt;
 * base64("ED" ‖ keyId[8] ‖ signature[64])
 * trusted comment: &lt;text&gt;
 * base64(globalSignature[64])
 * </pre>
 * {@code signature} is Ed25519 over BLAKE2b-512(file); {@code globalSignature} is Ed25519 over
 * {@code signature ‖ UTF-8(trusted comment)}. Parsing is strict: only algorithm {@code ED} (legacy {@code Ed} is
 * refused with {@link LegacySignatureException}), canonical base64, exact lengths (74 and 64 bytes), single-line
 * comments. Parsing checks form only; {@link MinisignVerifier} checks the signatures. Immutable.
 */
public final class MinisignSignature {

    static final int SIG_LINE_BYTES = 2 + MinisignPublicKey.KEY_ID_BYTES + Ed25519Strict.SIGNATURE_BYTES;
    private static final String DEFAULT_UNTRUSTED = "signature from minisign secret key";

    private final String untrustedComment;
    private final byte[] keyId;
    private final byte[] signature;
    private final String trustedComment;
    private final byte[] globalSignature;

    MinisignSignature(String untrustedComment, byte[] keyId, byte[] signature, String trustedComment,
                      byte[] globalSignature) {
        this.untrustedComment = untrustedComment;
        this.keyId = keyId.clone();
        this.signature = signature.clone();
        this.trustedComment = trustedComment;
        this.globalSignature = globalSignature.clone();
    }

    /** Parses the text of a {@code .minisig} file. */
    public static MinisignSignature parse(String text) throws MinisignException {
        List<String> lines = Armor.lines(text, Message.of("minisign.part.signatureFile"));
        if (lines.size() != 4) {
            throw new MinisignFormatException("minisign.signature.lineCount", lines.size());
        }
        String l0 = lines.get(0);
        if (!l0.startsWith(Armor.UNTRUSTED_PREFIX)) {
            throw new MinisignFormatException("minisign.signature.line1", Armor.UNTRUSTED_PREFIX.strip());
        }
        byte[] sigLine = Armor.decodeAny(lines.get(1), Message.of("minisign.part.signatureLine"));
        if (sigLine.length >= 2 && sigLine[0] == 'E' && sigLine[1] == 'd') {
            throw new LegacySignatureException();
        }
        if (sigLine.length < 2 || sigLine[0] != 'E' || sigLine[1] != 'D') {
            throw new MinisignFormatException("minisign.signature.algorithm",
                    MinisignPublicKey.printable(sigLine, 0, Math.min(2, sigLine.length)));
        }
        if (sigLine.length != SIG_LINE_BYTES) {
            throw sigLine.length > 10
                    ? new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.signature"),
                            sigLine.length - 10, Ed25519Strict.SIGNATURE_BYTES)
                    : new MinisignFormatException("minisign.length.wrong", Message.of("minisign.part.signatureLine"),
                            sigLine.length, SIG_LINE_BYTES);
        }
        String l2 = lines.get(2);
        if (!l2.startsWith(Armor.TRUSTED_PREFIX)) {
            throw new MinisignFormatException("minisign.signature.line3", Armor.TRUSTED_PREFIX.strip());
        }
        byte[] global = Armor.decode(lines.get(3), Ed25519Strict.SIGNATURE_BYTES, Message.of("minisign.part.globalSignature"));
        return new MinisignSignature(l0.substring(Armor.UNTRUSTED_PREFIX.length()),
                Arrays.copyOfRange(sigLine, 2, 10), Arrays.copyOfRange(sigLine, 10, SIG_LINE_BYTES),
                l2.substring(Armor.TRUSTED_PREFIX.length()), global);
    }

    /** Reads and parses a {@code .minisig} file. */
    public static MinisignSignature read(Path file) throws IOException, MinisignException {
        return parse(MinisignPublicKey.readSmallText(file));
    }

    static String defaultUntrustedComment() {
        return DEFAULT_UNTRUSTED;
    }

    /** @return the untrusted comment (not covered by any signature) */
    public String untrustedComment() {
        return untrustedComment;
    }

    /** @return the trusted comment as written; only meaningful after {@link MinisignVerifier} accepted it */
    public String trustedComment() {
        return trustedComment;
    }

    /** @return a copy of the signer's 8-byte key id */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** @return the signer's key id as minisign prints it */
    public String keyIdHex() {
        return Armor.keyIdHex(keyId);
    }

    /** @return a copy of the 64-byte Ed25519 signature over BLAKE2b-512 of the data */
    public byte[] signature() {
        return signature.clone();
    }

    /** @return a copy of the 64-byte global signature over signature ‖ trusted comment */
    public byte[] globalSignature() {
        return globalSignature.clone();
    }

    /** @return the {@code .minisig} text, as minisign writes it (four LF-terminated lines) */
    public String toFileText() {
        byte[] sigLine = new byte[SIG_LINE_BYTES];
        sigLine[0] = 'E';
        sigLine[1] = 'D';
        System.arraycopy(keyId, 0, sigLine, 2, keyId.length);
        System.arraycopy(signature, 0, sigLine, 10, signature.length);
        return Armor.UNTRUSTED_PREFIX + untrustedComment + "\n" + Armor.encode(sigLine) + "\n"
                + Armor.TRUSTED_PREFIX + trustedComment + "\n" + Armor.encode(globalSignature) + "\n";
    }

    /** Writes {@link #toFileText()} to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toFileText(), StandardCharsets.UTF_8);
    }

    byte[] keyIdUnsafe() {
        return keyId;
    }

    byte[] signatureUnsafe() {
        return signature;
    }

    byte[] globalSignatureUnsafe() {
        return globalSignature;
    }

    /** The message covered by the global signature: signature ‖ UTF-8(trusted comment). */
    static byte[] globalMessage(byte[] signature, String trustedComment) {
        byte[] tc = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[signature.length + tc.length];
        System.arraycopy(signature, 0, m, 0, signature.length);
        System.arraycopy(tc, 0, m, signature.length, tc.length);
        return m;
    }

    @Override
    public String toString() {
        return "MinisignSignature[key " + keyIdHex() + ", trusted comment \"" + trustedComment + "\"]";
    }
}
