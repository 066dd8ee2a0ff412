package org.epiflow.bundle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeIndexTest {
    static int find(CodeIndex idx, String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return idx.find(b, 2, b.length - 2);
    }

    @Test
    void findsShortAndLongCodesAndNothingElse() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            codes.add(String.format("%06d", 110100 + i * 100));
        }
        codes.add("1");
        codes.add("01");
        codes.add("ABCDEFG");
        codes.add("ABCDEFGH");
        codes.add("region.with-a_long.code");
        CodeIndex idx = new CodeIndex(codes);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(find(idx, codes.get(i))).as(codes.get(i)).isEqualTo(i);
        }
        for (String absent : new String[] {"", "0", "001", "110101", "1101000", "ABCDEFGHI", "\u0006\u0000110100",
                "region.with-a_long.cod", "ABCDEFg"}) {
            assertThat(find(idx, absent)).as(absent).isEqualTo(-1);
        }
    }
}
