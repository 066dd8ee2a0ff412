package org.epiflow.map;

import org.epiflow.text.Typography;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** "Xi’an" in the bundled CJK font: as stored it has a gap; as the map and the app show it, none. */
class ApostropheTest {
    static final TextStyle S = new TextStyle(12, false, 0xFF000000, 0, 0);
    final Java2DPainter p = new Java2DPainter(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics());

    @Test
    void theTypographicApostropheIsFullWidthInTheFontAndNarrowAsShown() {
        double plain = p.width("Xian", S);
        assertThat(p.width("Xi\u2019an", S) - plain).as("stored").isGreaterThan(0.8 * 12);
        assertThat(p.width(Typography.forDisplay("Xi\u2019an"), S) - plain).as("shown").isLessThan(0.4 * 12);
    }

    @Test
    void chineseTextAndQuotesOutsideWordsAreLeftAlone() {
        assertThat(Typography.forDisplay("西安 Xi\u2019an")).isEqualTo("西安 Xi'an");
        assertThat(Typography.forDisplay("\u2018Xi\u2019an\u2019")).isEqualTo("\u2018Xi'an\u2019");
        assertThat(Typography.forDisplay("他说\u2019好\u2019")).isEqualTo("他说\u2019好\u2019");
        assertThat(Typography.forDisplay(null)).isNull();
    }
}
