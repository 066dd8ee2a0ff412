package org.epiflow.bundle.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinisignScryptParamsTest {

    @ParameterizedTest(name = "opslimit {0}, memlimit {1} -> N=2^{2}, r=8, p={3}")
    @CsvSource({
            // minisign's defaults (libsodium's "sensitive" limits)
            "33554432, 1073741824, 20, 1",
            // libsodium's "interactive" limits
            "524288, 16777216, 14, 1",
            // opslimit < memlimit/32: N comes from opslimit, p = 1
            "32768, 1073741824, 10, 1",
            // opslimit below libsodium's floor is raised to 32768
            "1, 1073741824, 10, 1",
            // memory branch with more operations: p grows
            "67108864, 1073741824, 20, 2",
    })
    void derivesNrpLikeLibsodiumPickparams(long ops, long mem, int logN, int p) throws Exception {
        assertThat(new ScryptParams(ops, mem).derive()).isEqualTo(new ScryptParams.Derived(logN, 8, p));
    }

    @Test
    void ofLogNGivesThatNWithPOne() throws Exception {
        for (int logN = 10; logN <= 20; logN++) {
            assertThat(ScryptParams.ofLogN(logN).derive()).isEqualTo(new ScryptParams.Derived(logN, 8, 1));
        }
        assertThat(ScryptParams.ofLogN(20)).isEqualTo(ScryptParams.MINISIGN_DEFAULT);
    }

    @Test
    void refusesMoreThanOneGibibyte() {
        assertThatThrownBy(() -> new ScryptParams(33554432L, (1L << 30) + 1).derive())
                .isInstanceOf(MinisignFormatException.class).hasMessageContaining("at most 1,073,741,824");
    }

    @Test
    void refusesExcessiveParallelism() {
        assertThatThrownBy(() -> new ScryptParams(Long.MAX_VALUE, 1L << 30).derive())
                .isInstanceOf(MinisignFormatException.class).hasMessageContaining("parallelism");
    }

    @Test
    void refusesZeroLimitsWhichLibsodiumTurnsIntoHugeParallelism() {
        // memlimit 0 → N = 2, p = 512 in libsodium's pickparams.
        assertThatThrownBy(() -> new ScryptParams(0, 0).derive())
                .isInstanceOf(MinisignFormatException.class).hasMessageContaining("parallelism 512");
    }

    @Test
    void hostileKeyFileIsRefusedBeforeAnyScryptWork() throws Exception {
        try (MinisignSecretKey sk = MinisignSecretKey.generate()) {
            byte[] raw = MinisignRoundTripTest.rawSecretKey(sk.toFileText("pw".toCharArray(), ScryptParams.ofLogN(10)));
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(SecretKeyFile.OPS_OFF, 1L << 40).putLong(SecretKeyFile.MEM_OFF, 1L << 40);
            long start = System.nanoTime();
            assertThatThrownBy(() -> MinisignSecretKey.parse(MinisignRoundTripTest.keyText(raw), "pw".toCharArray()))
                    .isInstanceOf(MinisignFormatException.class).hasMessageContaining("scrypt memory");
            assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        }
    }
}
