package org.epiflow.bundle.age;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wycheproof X25519 and ChaCha20-Poly1305 vectors through the code paths age decryption actually uses:
 * jagged's X25519 stanza reader (JDK XDH underneath, wrapped by our guard) and the JDK "ChaCha20-Poly1305" Cipher.
 */
class AgeWycheproofTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] FILE_KEY = "YELLOW SUBMARINE".getBytes(StandardCharsets.US_ASCII);

    private static JsonNode load(String name) throws Exception {
        return new ObjectMapper().readTree(SharedVectors.dir("wycheproof").resolve(name).toFile());
    }

    @Test
    void x25519ThroughJaggedStanzaReader() throws Exception {
        JsonNode root = load("x25519_test.json");
        int cases = 0;
        int zeroRejected = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                cases++;
                byte[] priv = HEX.parseHex(t.get("private").asText());
                byte[] pub = HEX.parseHex(t.get("public").asText());
                byte[] shared = HEX.parseHex(t.get("shared").asText());
                String result = t.get("result").asText();
                boolean zero = Arrays.equals(shared, new byte[32]);
                int id = t.get("tcId").asInt();
                if (result.equals("invalid")) {
                    failures.add(id + ": no invalid cases expected in this file");
                    continue;
                }
                // Stanza sealed under the wrap key derived from Wycheproof's expected shared secret.
                char[] encoded = Bech32.encode(AgeIdentity.SECRET_KEY_HRP, priv, true);
                try (AgeIdentity identity = AgeIdentity.parse(encoded)) {
                    byte[] recipientPub = Bech32.decode(identity.recipient().toCharArray()).data;
                    byte[] salt = concat(pub, recipientPub);
                    byte[] wrapKey = hkdf(shared, salt, "age-encryption.org/v1/X25519".getBytes(StandardCharsets.US_ASCII));
                    byte[] body = chacha(Cipher.ENCRYPT_MODE, wrapKey, new byte[12], FILE_KEY);
                    Stanza stanza = new Stanza("X25519", List.of(Base64.getEncoder().withoutPadding().encodeToString(pub)), body);
                    RecipientStanzaReader reader = new GuardedStanzaReader(identity.newStanzaReader(), true);
                    try {
                        FileKey key = reader.getFileKey(List.of(stanza));
                        if (zero) {
                            failures.add(id + ": all-zero shared secret accepted");
                        } else if (!Arrays.equals(key.getEncoded(), FILE_KEY)) {
                            failures.add(id + ": wrong file key (shared secret differs)");
                        }
                    } catch (StanzaRejection e) {
                        if (zero && e.reason() instanceof AgeHeaderException) {
                            zeroRejected++;
                        } else {
                            failures.add(id + " (" + result + " " + t.get("flags") + "): rejected: " + e.getMessage());
                        }
                    }
                } finally {
                    Arrays.fill(encoded, '\0');
                }
            }
        }
        System.out.println("Wycheproof x25519: " + cases + " cases, " + (cases - failures.size()) + " as expected ("
                + zeroRejected + " all-zero shared secrets rejected)");
        assertThat(failures).isEmpty();
        assertThat(cases).isEqualTo(518);
        assertThat(zeroRejected).isGreaterThan(0);
    }

    @Test
    void chacha20Poly1305ThroughJdkCipher() throws Exception {
        JsonNode root = load("chacha20_poly1305_test.json");
        int cases = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                cases++;
                int id = t.get("tcId").asInt();
                byte[] key = HEX.parseHex(t.get("key").asText());
                byte[] iv = HEX.parseHex(t.get("iv").asText());
                byte[] aad = HEX.parseHex(t.get("aad").asText());
                byte[] msg = HEX.parseHex(t.get("msg").asText());
                byte[] ctTag = concat(HEX.parseHex(t.get("ct").asText()), HEX.parseHex(t.get("tag").asText()));
                boolean valid = t.get("result").asText().equals("valid");
                try {
                    byte[] opened = aead(Cipher.DECRYPT_MODE, key, iv, aad, ctTag);
                    if (!valid) {
                        failures.add(id + ": invalid case accepted");
                    } else if (!Arrays.equals(opened, msg)) {
                        failures.add(id + ": wrong plaintext");
                    } else if (!Arrays.equals(aead(Cipher.ENCRYPT_MODE, key, iv, aad, msg), ctTag)) {
                        failures.add(id + ": wrong ciphertext");
                    }
                } catch (AEADBadTagException | InvalidAlgorithmParameterException e) {
                    if (valid) {
                        failures.add(id + ": valid case rejected: " + e);
                    }
                }
            }
        }
        System.out.println("Wycheproof chacha20_poly1305: " + cases + " cases, " + (cases - failures.size()) + " as expected");
        assertThat(failures).isEmpty();
        assertThat(cases).isEqualTo(325);
    }

    private static byte[] aead(int mode, byte[] key, byte[] iv, byte[] aad, byte[] in) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(iv));
        c.updateAAD(aad);
        return c.doFinal(in);
    }

    private static byte[] chacha(int mode, byte[] key, byte[] iv, byte[] in) throws GeneralSecurityException {
        return aead(mode, key, iv, new byte[0], in);
    }

    /** RFC 5869 HKDF-SHA-256 with a 32-byte output, written independently of jagged. */
    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return mac.doFinal();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
