package org.epiflow.map;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelPlacerTest {
    static final TextStyle PLACE = new TextStyle(12, false, 0xFF202020, 0xCCFFFFFF, 2.5);
    static final TextStyle REGION = new TextStyle(11, false, 0xFF707068, 0x99FFFFFF, 2);

    static LabelPlacer.Candidate place(String text, double x, double y, String code) {
        return new LabelPlacer.Candidate(text, x, y, 4, 2e6, PLACE, false, code);
    }

    static LabelPlacer.Candidate region(String text, double x, double y, String code) {
        return new LabelPlacer.Candidate(text, x, y, 0, 10, REGION, true, code);
    }

    private static List<String> texts(List<LabelPlacer.Candidate> c) {
        return LabelPlacer.place(c, TextMetrics.ESTIMATE, 800, 600).stream().map(LabelPlacer.Placed::text).toList();
    }

    @Test
    void aCityIsLabelledOnceAsAPlaceNotAgainAsItsRegion() {
        assertThat(texts(List.of(place("Wuhan", 100, 100, "420100"), region("Wuhan", 300, 300, "420100"),
                region("Xiaogan", 500, 100, "420900")))).containsExactly("Wuhan", "Xiaogan");
    }

    @Test
    void aMunicipalityIsLabelledOnceAsCityAndAsProvince() {
        assertThat(texts(List.of(place("Beijing", 100, 100, "110100"), region("Beijing", 300, 300, "110000"))))
                .containsExactly("Beijing");
    }

    @Test
    void twoCitiesOfOneNameInDifferentProvincesAreBothLabelled() {
        assertThat(texts(List.of(place("Taizhou", 100, 100, "321200"), place("Taizhou", 300, 300, "331000"))))
                .containsExactly("Taizhou", "Taizhou");
    }

    @Test
    void theRegionNameStillShowsWhenThePlaceLabelFoundNoRoom() {
        // the place sits at the right edge: no side leaves its label on screen
        assertThat(texts(List.of(place("Wuhan", 799, 599, "420100"), region("Wuhan", 300, 300, "420100"))))
                .containsExactly("Wuhan");
    }
}
