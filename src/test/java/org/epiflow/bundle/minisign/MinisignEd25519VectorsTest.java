package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared Ed25519 conformance vectors through EpiFlow's verification path ({@link Ed25519Strict}).
 */
class MinisignEd25519VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wycheproofEveryCaseGivesItsExpectedResult() throws Exception {
        Path file = TestVectors.require("wycheproof/ed25519_test.json");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (JsonNode group : root.get("testGroups")) {
            byte[] pk = HEX.parseHex(group.get("publicKey").get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                count++;
                boolean expected = switch (t.get("result").asText()) {
                    case "valid" -> true;
                    case "invalid" -> false;
                    default -> throw new AssertionError("unexpected result " + t);
                };
                boolean actual = Ed25519Strict.verify(pk, HEX.parseHex(t.get("sig").asText()),
                        HEX.parseHex(t.get("msg").asText()));
                if (actual != expected) {
                    wrong.add("tcId " + t.get("tcId").asInt() + " (" + t.get("comment").asText() + "): expected "
                            + expected + ", got " + actual);
                }
            }
        }
        System.out.println("Wycheproof ed25519: " + count + " cases, " + wrong.size() + " mismatches");
        assertThat(count).isEqualTo(root.get("numberOfTests").asInt());
        assertThat(wrong).isEmpty();
    }

    @Test
    void wycheproofCase37SixtyFiveByteSignatureIsAFormatErrorInAMinisigFile() throws Exception {
        Path file = TestVectors.require("wycheproof/ed25519_test.json");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        byte[] sig65 = null;
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                if (t.get("tcId").asInt() == 37) {
                    sig65 = HEX.parseHex(t.get("sig").asText());
                }
            }
        }
        assertThat(sig65).hasSize(65);
        byte[] line = new byte[2 + 8 + 65];
        line[0] = 'E';
        line[1] = 'D';
        System.arraycopy(sig65, 0, line, 10, 65);
        String text = "untrusted comment: x\n" + java.util.Base64.getEncoder().encodeToString(line)
                + "\ntrusted comment: t\n" + java.util.Base64.getEncoder().encodeToString(new byte[64]) + "\n";
        assertThatThrownBy(() -> MinisignSignature.parse(text))
                .isInstanceOf(MinisignFormatException.class)
                .hasMessageContaining("signature is 65 bytes, expected 64");
    }

    /**
     * Policy (ADR 0003): A and R must be canonical encodings of points in the prime-order subgroup. Every CCTV vector
     * carries at least one flag that violates this (low-order or mixed-order A or R, non-canonical encodings, and
     * low-order residues only arise from low-order components), so the policy predicts: accept iff no flags.
     */
    static boolean policyAccepts(Set<String> flags) {
        Set<String> violations = Set.of("low_order_A", "low_order_R", "low_order_component_A",
                "low_order_component_R", "non_canonical_A", "non_canonical_R", "low_order_residue");
        for (String f : flags) {
            if (!violations.contains(f) && !f.equals("reencoded_k")) {
                throw new AssertionError("unknown CCTV flag " + f + ": extend the policy");
            }
        }
        return flags.stream().noneMatch(violations::contains);
    }

    @Test
    void cctvEveryEdgeCaseMatchesTheDocumentedPolicy() throws Exception {
        Path file = TestVectors.require("cctv-ed25519/ed25519vectors.json");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (JsonNode v : root) {
            Set<String> flags = new TreeSet<>();
            if (v.hasNonNull("flags")) {
                v.get("flags").forEach(f -> flags.add(f.asText()));
            }
            boolean actual = Ed25519Strict.verify(HEX.parseHex(v.get("key").asText()),
                    HEX.parseHex(v.get("sig").asText()), v.get("msg").asText().getBytes(StandardCharsets.UTF_8));
            if (actual) {
                accepted++;
            }
            if (actual != policyAccepts(flags)) {
                wrong.add("#" + v.get("number").asInt() + " " + flags + ": policy says " + policyAccepts(flags)
                        + ", verifier says " + actual);
            }
        }
        System.out.println("CCTV ed25519: " + root.size() + " vectors, " + accepted + " accepted, "
                + (root.size() - accepted) + " rejected, " + wrong.size() + " disagree with the policy");
        assertThat(root.size()).isEqualTo(914);
        assertThat(wrong).isEmpty();
    }
}
