package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.framework.crypto.CipherKey;
import com.exceptionfactory.jagged.framework.crypto.EncryptedFileKey;
import com.exceptionfactory.jagged.framework.crypto.FileKeyDecryptorFactory;
import com.exceptionfactory.jagged.framework.crypto.FileKeyEncryptorFactory;
import org.bouncycastle.crypto.generators.SCrypt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Shared constants and primitives of the age scrypt recipient stanza (age v1 spec, "The scrypt recipient type"). */
final class Scrypt {
    static final String TYPE = "scrypt";
    static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 16;
    static final int BODY_LENGTH = 32;
    static final int R = 8;
    static final int P = 1;
    static final int WRAP_KEY_LENGTH = 32;
    /** Highest logN we ever let a caller configure (2^30 × 1 KiB = 1 TiB of memory is already absurd). */
    static final int ABSOLUTE_MAX_LOG_N = 30;

    private Scrypt() {
    }

    /** Derives the 32-byte wrap key. The passphrase bytes are wiped here. */
    static byte[] wrapKey(char[] passphrase, byte[] salt, int logN) {
        byte[] pass = utf8(passphrase);
        byte[] fullSalt = new byte[LABEL.length + salt.length];
        System.arraycopy(LABEL, 0, fullSalt, 0, LABEL.length);
        System.arraycopy(salt, 0, fullSalt, LABEL.length, salt.length);
        try {
            return SCrypt.generate(pass, fullSalt, 1 << logN, R, P, WRAP_KEY_LENGTH);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    /** ChaCha20-Poly1305 with the zero nonce, through jagged's file-key helpers. */
    static byte[] seal(FileKey fileKey, byte[] wrapKey) throws GeneralSecurityException {
        CipherKey key = new CipherKey(wrapKey);
        try {
            EncryptedFileKey sealed = new FileKeyEncryptorFactory().newFileKeyEncryptor().getEncryptedFileKey(fileKey, key);
            return sealed.getEncoded();
        } finally {
            key.destroy();
        }
    }

    /** Opens a stanza body; throws {@link javax.crypto.AEADBadTagException} if the key is wrong. */
    static FileKey open(byte[] body, byte[] wrapKey) throws GeneralSecurityException {
        CipherKey key = new CipherKey(wrapKey);
        try {
            return new FileKeyDecryptorFactory().newFileKeyDecryptor().getFileKey(new EncryptedFileKey(body), key);
        } finally {
            key.destroy();
        }
    }

    static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    static void checkLogN(int logN, String what) {
        if (logN < 1 || logN > ABSOLUTE_MAX_LOG_N) {
            throw new IllegalArgumentException(what + " must be between 1 and " + ABSOLUTE_MAX_LOG_N + ": " + logN);
        }
    }
}
