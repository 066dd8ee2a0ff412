package org.epiflow.map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen in the dark theme (real window, a comparison of the week after the restriction): the light style's pale
 * middle classes, lightened for the dark map, made "−20万 to −6万" almost white — the brightest, most visible arcs on
 * a dark map were the small changes. On the dark map a stronger change must stand out more, not less.
 */
class DivergingPaletteTest {

    @Test
    void onTheDarkMapStrongerChangesHaveMoreContrastAndEveryClassIsVisible() {
        int land = MapStyle.dark().landFill();
        double[] c = new double[7];
        for (int i = 0; i < 7; i++) {
            c[i] = contrast(DivergingScale.arcClassColor(i, true), land);
            assertThat(c[i]).as("class %d against the dark land", i).isGreaterThanOrEqualTo(3.0);
        }
        // decreases: class 0 strongest … 2 weakest; increases: 4 weakest … 6 strongest
        assertThat(c[0]).isGreaterThan(c[1]);
        assertThat(c[1]).isGreaterThan(c[2]);
        assertThat(c[6]).isGreaterThan(c[5]);
        assertThat(c[5]).isGreaterThan(c[4]);
    }

    @Test
    void onTheLightMapStrongerChangesAreDarker() {
        int land = MapStyle.light().landFill();
        assertThat(contrast(DivergingScale.arcClassColor(0, false), land))
                .isGreaterThan(contrast(DivergingScale.arcClassColor(2, false), land));
        assertThat(contrast(DivergingScale.arcClassColor(6, false), land))
                .isGreaterThan(contrast(DivergingScale.arcClassColor(4, false), land));
    }

    static double contrast(int a, int b) {
        return Contrast.of(a, b);
    }
}
