package org.epiflow.map;

import org.epiflow.analytics.classify.ColorScheme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names stay readable over any heatmap colour, in both themes: a label's text against its halo laid over the
 * heatmap (85 % opaque, as the risk view draws it) over the land — composed exactly as the renderer blends —
 * keeps the WCAG contrast for text, 4.5:1.
 */
class LabelsOverHeatmapTest {
    @Test
    void placeAndRegionNamesReadOverEveryHeatmapColourInBothThemes() {
        List<String> poor = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            MapStyle style = theme.equals("light") ? MapStyle.light() : MapStyle.dark();
            for (TextStyle t : List.of(style.placeLabel(), style.regionLabel())) {
                for (ColorScheme scheme : ColorScheme.values()) {
                    for (int c : scheme.stops()) {
                        int heat = over(Argb.withAlpha(c, 0.85), style.landFill());
                        int behind = over(t.halo(), heat);
                        double contrast = contrast(t.color(), behind);
                        if (contrast < 4.5) {
                            poor.add(String.format("%s text %s on %s over %s: %.2f", theme, Argb.hex(t.color()),
                                    Argb.hex(t.halo()), Argb.hex(c), contrast));
                        }
                    }
                }
            }
        }
        assertThat(poor).isEmpty();
    }

    /** Source-over of a non-premultiplied colour on an opaque one. */
    static int over(int fg, int bg) {
        double a = Argb.alpha(fg) / 255.0;
        return Argb.of(255, (int) Math.round(Argb.red(fg) * a + Argb.red(bg) * (1 - a)),
                (int) Math.round(Argb.green(fg) * a + Argb.green(bg) * (1 - a)),
                (int) Math.round(Argb.blue(fg) * a + Argb.blue(bg) * (1 - a)));
    }

    static double contrast(int a, int b) {
        return Contrast.of(a, b);
    }
}
