package org.epiflow.map;

import org.epiflow.data.FlowNodes;
import org.epiflow.data.FlowSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class FlowScaleTest {
    private final FlowStyle style = FlowStyle.light();

    static FlowSet set(long... volumes) {
        int n = volumes.length;
        int[] o = new int[n], d = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = 0;
            d[i] = 1;
        }
        return FlowSet.of(MapTestData.nodes(2), o, d, volumes, 10);
    }

    @Test
    void autoFitsTheDataLockedDoesNot() {
        FlowScale day1 = FlowScale.auto(set(1000, 100), FlowScale.Type.SQRT);
        FlowScale day2 = day1.update(set(4000, 100));
        assertThat(day1.width(1000, style)).isCloseTo(style.maxWidth(), offset(1e-9));
        assertThat(day2.width(1000, style)).isLessThan(style.maxWidth());
        FlowScale locked = day1.lock();
        assertThat(locked.isLocked()).isTrue();
        FlowScale still = locked.update(set(4000, 100));
        assertThat(still).isSameAs(locked);
        assertThat(still.width(1000, style)).isEqualTo(day1.width(1000, style));
        // clamped above the locked domain
        assertThat(still.width(4000, style)).isEqualTo(style.maxWidth());
        assertThat(still.color(4000, style)).isEqualTo(still.color(1000, style));
    }

    @Test
    void scaleTypes() {
        FlowScale lin = FlowScale.locked(0, 100, FlowScale.Type.LINEAR);
        assertThat(lin.t(50)).isCloseTo(0.5 - 0.5 / 99, offset(1e-9)); // domain starts at 1
        FlowScale sq = FlowScale.locked(1, 10_001, FlowScale.Type.SQRT);
        assertThat(sq.volumeAt(sq.t(2500))).isCloseTo(2500, offset(1e-6));
        FlowScale lg = FlowScale.locked(10, 100_000, FlowScale.Type.LOG);
        assertThat(lg.t(1000)).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void breaksAreNiceAndClassifyHonestly() {
        FlowScale s = FlowScale.locked(10, 100_000, FlowScale.Type.LOG);
        long[] b = s.breaks(4);
        assertThat(b).containsExactly(100, 1000, 10_000);
        FlowStyle st = style.withClasses(4);
        assertThat(s.color(99, st)).isEqualTo(s.color(10, st));
        assertThat(s.color(100, st)).isNotEqualTo(s.color(99, st));
        assertThat(FlowScale.nice(12_345)).isEqualTo(12_000);
        assertThat(FlowScale.nice(7.4)).isEqualTo(7);
    }

    @Test
    void legendLabelsInBothLanguages() {
        FlowScale s = FlowScale.locked(10, 100_000, FlowScale.Type.LOG);
        Legend en = Legend.of(s, style.withClasses(4), 50_000, 14, 0xFF0000FF, 10, Language.EN, true);
        assertThat(en.flows()).extracting(Legend.Entry::label)
                .containsExactly("< 100", "100 – 1,000", "1,000 – 10,000", "≥ 10,000");
        assertThat(en.flows().get(3).size()).isGreaterThan(en.flows().get(0).size());
        assertThat(en.notes()).anyMatch(n -> n.contains("below 10"));
        Legend zh = Legend.of(s.lock(), style.withClasses(4), 50_000, 14, 0xFF0000FF, 10, Language.ZH, true);
        assertThat(zh.flows().get(3).label()).isEqualTo("≥ 1万");
        assertThat(zh.locked()).isTrue();
        assertThat(zh.notes()).anyMatch(n -> n.contains("审图号"));
        assertThat(FlowScale.format(123_456, Language.ZH)).isEqualTo("12.3万");
        assertThat(FlowScale.format(1_234_567, Language.ZH)).isEqualTo("123万");
    }
}
