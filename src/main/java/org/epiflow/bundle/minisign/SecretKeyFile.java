package org.epiflow.bundle.minisign;

import org.epiflow.text.Message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Codec for minisign's secret key file: {@code untrusted comment: …} line, then base64 of 158 bytes:
 * {@code "Ed" ‖ kdf[2] ‖ "B2" ‖ salt[32] ‖ opslimit[8 LE] ‖ memlimit[8 LE] ‖ (keyId[8] ‖ sk[64] ‖ chk[32])}, where
 * kdf is {@code "Sc"} (the last 104 bytes XORed with scrypt(passphrase, salt)) or two zero bytes (unencrypted),
 * sk is seed ‖ public key and chk = BLAKE2b-256("Ed" ‖ keyId ‖ sk).
 */
final class SecretKeyFile {

    static final String COMMENT = "minisign encrypted secret key";
    static final int SALT_OFF = 6;
    static final int OPS_OFF = SALT_OFF + 32;
    static final int MEM_OFF = OPS_OFF + 8;
    static final int KEYNUM_OFF = MEM_OFF + 8;
    static final int SK_OFF = KEYNUM_OFF + MinisignPublicKey.KEY_ID_BYTES;
    static final int CHK_OFF = SK_OFF + 64;
    static final int TOTAL = CHK_OFF + 32;
    static final int KEYNUM_SK_BYTES = TOTAL - KEYNUM_OFF;

    private static final byte[] KDF_SCRYPT = {'S', 'c'};
    private static final byte[] KDF_NONE = {0, 0};
    private static final byte[] CHK_BLAKE2B = {'B', '2'};

    private SecretKeyFile() {
    }

    /** Encodes a key; {@code passphrase == null} writes an unencrypted key (with a real checksum). */
    static String encode(byte[] keyId, byte[] seed, byte[] pk, char[] passphrase, ScryptParams params,
                         SecureRandom random) throws MinisignFormatException {
        byte[] raw = new byte[TOTAL];
        try {
            System.arraycopy(MinisignPublicKey.SIG_ALG, 0, raw, 0, 2);
            System.arraycopy(passphrase == null ? KDF_NONE : KDF_SCRYPT, 0, raw, 2, 2);
            System.arraycopy(CHK_BLAKE2B, 0, raw, 4, 2);
            System.arraycopy(keyId, 0, raw, KEYNUM_OFF, keyId.length);
            System.arraycopy(seed, 0, raw, SK_OFF, 32);
            System.arraycopy(pk, 0, raw, SK_OFF + 32, 32);
            byte[] chk = checksum(raw);
            System.arraycopy(chk, 0, raw, CHK_OFF, chk.length);
            Arrays.fill(chk, (byte) 0);
            if (passphrase != null) {
                byte[] salt = new byte[32];
                random.nextBytes(salt);
                System.arraycopy(salt, 0, raw, SALT_OFF, salt.length);
                putLong(raw, OPS_OFF, params.opslimit());
                putLong(raw, MEM_OFF, params.memlimit());
                xorStream(raw, passphrase, params.derive());
            }
            return Armor.UNTRUSTED_PREFIX + COMMENT + "\n" + Armor.encode(raw) + "\n";
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Decodes a key file; returns {@code keyId[8] ‖ seed[32]} (caller wipes it). */
    static byte[] decode(String text, char[] passphrase) throws MinisignException {
        List<String> lines = Armor.lines(text, Message.of("minisign.part.secretKeyFile"));
        if (lines.size() != 2) {
            throw new MinisignFormatException("minisign.secretKey.lineCount", lines.size());
        }
        if (!lines.get(0).startsWith(Armor.UNTRUSTED_PREFIX)) {
            throw new MinisignFormatException("minisign.secretKey.line1", Armor.UNTRUSTED_PREFIX.strip());
        }
        byte[] raw = Armor.decode(lines.get(1), TOTAL, Message.of("minisign.part.secretKey"));
        try {
            if (raw[0] != 'E' || raw[1] != 'd') {
                throw new MinisignFormatException("minisign.secretKey.algorithm",
                        MinisignPublicKey.printable(raw, 0, 2));
            }
            if (raw[4] != 'B' || raw[5] != '2') {
                throw new MinisignFormatException("minisign.secretKey.checksumAlgorithm",
                        MinisignPublicKey.printable(raw, 4, 2));
            }
            boolean encrypted;
            if (raw[2] == 'S' && raw[3] == 'c') {
                encrypted = true;
            } else if (raw[2] == 0 && raw[3] == 0) {
                encrypted = false;
            } else {
                throw new MinisignFormatException("minisign.secretKey.kdf", MinisignPublicKey.printable(raw, 2, 2));
            }
            if (encrypted) {
                ScryptParams.Derived derived = new ScryptParams(getLong(raw, OPS_OFF), getLong(raw, MEM_OFF)).derive();
                if (passphrase == null) {
                    throw new WrongPassphraseException(Message.of("minisign.secretKey.passphraseNeeded"));
                }
                xorStream(raw, passphrase, derived);
            }
            byte[] chk = checksum(raw);
            boolean zeroChk = Armor.isAllZero(raw, CHK_OFF, 32);
            boolean chkOk = MessageDigest.isEqual(chk, Arrays.copyOfRange(raw, CHK_OFF, TOTAL));
            if (encrypted && !chkOk) {
                throw new WrongPassphraseException(Message.of("minisign.secretKey.wrongPassphrase"));
            }
            if (!encrypted && !chkOk && !zeroChk) {
                throw new MinisignFormatException("minisign.secretKey.corrupted");
            }
            // Keys made with minisign -W carry an all-zero checksum: the public half must match the seed.
            byte[] seed = Arrays.copyOfRange(raw, SK_OFF, SK_OFF + 32);
            byte[] derivedPk = Ed25519Strict.publicKeyOf(seed);
            boolean pkOk = MessageDigest.isEqual(derivedPk, Arrays.copyOfRange(raw, SK_OFF + 32, CHK_OFF));
            Arrays.fill(seed, (byte) 0);
            if (!pkOk) {
                throw new MinisignFormatException("minisign.secretKey.publicHalf");
            }
            return Arrays.copyOfRange(raw, KEYNUM_OFF, SK_OFF + 32);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** BLAKE2b-256 over sigalg ‖ keyId ‖ sk, read from the (decrypted) raw key. */
    private static byte[] checksum(byte[] raw) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(raw, 0, 2);
        d.update(raw, KEYNUM_OFF, CHK_OFF - KEYNUM_OFF);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static void xorStream(byte[] raw, char[] passphrase, ScryptParams.Derived p) {
        byte[] pw = utf8(passphrase);
        byte[] salt = Arrays.copyOfRange(raw, SALT_OFF, OPS_OFF);
        byte[] stream = SCrypt.generate(pw, salt, p.n(), p.r(), p.p(), KEYNUM_SK_BYTES);
        for (int i = 0; i < KEYNUM_SK_BYTES; i++) {
            raw[KEYNUM_OFF + i] ^= stream[i];
        }
        Arrays.fill(pw, (byte) 0);
        Arrays.fill(stream, (byte) 0);
    }

    private static byte[] utf8(char[] chars) {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(chars));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            Arrays.fill(bb.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase is not valid Unicode (unpaired surrogate)", e);
        }
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }
}
