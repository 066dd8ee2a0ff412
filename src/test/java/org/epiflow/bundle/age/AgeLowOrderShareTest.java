package org.epiflow.bundle.age;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An X25519 stanza whose share is a point of small order gives every recipient an all-zero shared secret; the age
 * specification requires refusing the file, as the age CLI does (issue 13, item 6). The files are written with an
 * independent, minimal age v1 writer ({@link AgeBytes}), so the header MAC is valid and only the share is wrong.
 */
class AgeLowOrderShareTest {
    /** Points of order dividing 8 on Curve25519 (and u = 0, 1), as little-endian u-coordinates. */
    static final List<String> LOW_ORDER = List.of(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    @Test
    void aLowOrderShareNextToAValidStanzaRefusesTheWholeFile() throws Exception {
        try (AgeIdentity me = AgeIdentity.generate()) {
            byte[] plain = "date,origin,destination,trips\n".getBytes(StandardCharsets.UTF_8);
            byte[] key = AgeBytes.fileKey();
            byte[] good = AgeBytes.ageFile(plain, key, List.of(AgeBytes.validStanza(me.recipient(), key)));
            assertThat(AgeTestSupport.decrypt(good, me)).isEqualTo(plain);
            for (String point : LOW_ORDER) {
                byte[] share = HexFormat.of().parseHex(point);
                byte[] file = AgeBytes.ageFile(plain, key, List.of(new AgeBytes.Stanza(share, AgeBytes.random(32)),
                        AgeBytes.validStanza(me.recipient(), key)));
                assertThatThrownBy(() -> AgeTestSupport.decrypt(file, me)).as(point)
                        .isInstanceOf(AgeHeaderException.class).hasMessageContaining("low-order");
            }
        }
    }

    @Test
    void ordinarySharesAreNotLowOrder() {
        for (int i = 0; i < 100; i++) {
            byte[] pub = new byte[32];
            X25519.scalarMultBase(AgeBytes.random(32), 0, pub, 0);
            assertThat(GuardedStanzaReader.lowOrder(pub)).isFalse();
        }
        for (String point : LOW_ORDER) {
            assertThat(GuardedStanzaReader.lowOrder(HexFormat.of().parseHex(point))).as(point).isTrue();
        }
    }
}
