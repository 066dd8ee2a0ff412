package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random garbage, truncations and byte flips of key, signature and trust-store text: parsing (and verifying what
 * parses) may only ever fail with a {@link MinisignException}, never with a runtime exception.
 */
class MinisignFuzzTest {

    private static final long SEED = 0x5EEDL;
    private static final char[] PASS = "pw".toCharArray();

    interface Parser {
        Object parse(String text) throws Exception;
    }

    @Test
    void parsersOnlyThrowMinisignExceptions() throws Exception {
        List<String> samples = new ArrayList<>();
        List<Parser> parsers;
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            MinisignSignature sig = MinisignSigner.signDigest(sk, new byte[64], "trusted", "untrusted");
            TrustStore trust = TrustStore.of(sk.publicKey());
            samples.add(sk.publicKey().toFileText());
            samples.add(sig.toFileText());
            samples.add(sk.toFileText(null, ScryptParams.MINISIGN_DEFAULT));
            samples.add(sk.toFileText(PASS, ScryptParams.ofLogN(10)));
            samples.add("# carriers\n" + sk.publicKey().toFileText() + "\n");
            parsers = List.of(
                    MinisignPublicKey::parse,
                    text -> MinisignVerifier.verify(trust, MinisignSignature.parse(text),
                            new ByteArrayInputStream(new byte[0])),
                    text -> MinisignSecretKey.parse(text, PASS),
                    text -> TrustStore.parse(text, "fuzz"));
        }
        Random rnd = new Random(SEED);
        int runs = 0;
        List<String> failures = new ArrayList<>();
        for (String sample : samples) {
            for (int cut = 0; cut <= sample.length(); cut++) {
                runs += check(parsers, sample.substring(0, cut), failures);
            }
            for (int i = 0; i < 300; i++) {
                char[] c = sample.toCharArray();
                int flips = 1 + rnd.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    c[rnd.nextInt(c.length)] = (char) (rnd.nextBoolean() ? rnd.nextInt(128) : rnd.nextInt(0x3000));
                }
                runs += check(parsers, new String(c), failures);
            }
        }
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[rnd.nextInt(400)];
            rnd.nextBytes(junk);
            runs += check(parsers, new String(junk, StandardCharsets.ISO_8859_1), failures);
            runs += check(parsers, "untrusted comment: x\n" + java.util.Base64.getEncoder().encodeToString(junk)
                    + "\ntrusted comment: y\n" + java.util.Base64.getEncoder().encodeToString(junk) + "\n", failures);
        }
        System.out.println("minisign fuzz: " + runs + " parser runs, " + failures.size() + " unexpected exceptions");
        assertThat(failures).isEmpty();
    }

    private static int check(List<Parser> parsers, String text, List<String> failures) {
        for (Parser p : parsers) {
            try {
                p.parse(text);
            } catch (MinisignException expected) {
                // fine
            } catch (Exception | Error e) {
                if (failures.size() < 20) {
                    failures.add(e + " for input " + text.replace("\n", "\\n"));
                }
            }
        }
        return parsers.size();
    }
}
