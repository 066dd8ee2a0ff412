package org.epiflow.data.workspace;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved views carry a comparison (version 3), read back strictly; views without one stay version 2. */
class ComparisonViewTest {
    static ViewDefinition plain() {
        return ViewDefinition.parse("""
                {"format": "epiflow-view", "version": 2, "filters": {"topN": 100, "minVolume": 0,
                 "direction": "BOTH", "lockScale": false}, "layers": {"provinces": false, "flows": true,
                 "heatmap": false, "symbols": true, "labels": true}, "selectedRegions": []}
                """);
    }

    @Test
    void aComparisonRoundTripsAsVersionThree() {
        var c = new ViewDefinition.Comparison(LocalDate.of(2020, 1, 17), LocalDate.of(2020, 1, 23), null, "weekday",
                "change_percent", true, List.of(new ViewDefinition.Group("Capital region",
                List.of("110000", "120000", "130600"))));
        ViewDefinition v = plain().withComparison(c);
        String json = SavedViewFormat.write(v);
        assertThat(json).contains("\"version\" : 3", "\"alignment\" : \"weekday\"", "Capital region");
        ViewDefinition back = ViewDefinition.parse(json);
        assertThat(back.comparison()).isEqualTo(c);
        assertThat(SavedViewFormat.write(plain())).contains("\"version\" : 2").doesNotContain("comparison");
    }

    @Test
    void perCapitaMayBeLeftOut() {
        String base = SavedViewFormat.write(plain()).replace("\"version\" : 2", "\"version\" : 3");
        String json = base.substring(0, base.lastIndexOf('}')) + ", \"comparison\": {\"baselineFrom\": "
                + "\"2020-01-17\", \"baselineTo\": \"2020-01-23\", \"measure\": \"change\"}}";
        ViewDefinition v = ViewDefinition.parse(json);
        assertThat(v.comparison().perCapita()).isFalse();
        assertThat(v.comparison().baselineTo()).isEqualTo(LocalDate.of(2020, 1, 23));
    }

    @Test
    void unknownValuesAndOldVersionsWithAComparisonAreRefused() {
        String base = SavedViewFormat.write(plain()).replace("\"version\" : 2", "\"version\" : 3");
        for (String bad : List.of("{\"baselineFrom\": \"2020-01-17\", \"baselineTo\": \"2020-01-23\", "
                        + "\"alignment\": \"moon\"}",
                "{\"baselineFrom\": \"2020-01-17\", \"baselineTo\": \"2020-01-23\", \"measure\": \"ratio\"}",
                "{\"baselineFrom\": \"2020-01-17\"}", "{\"measure\": \"change\"}",
                "{\"baselineFrom\": \"2020-01-17\", \"baselineTo\": \"2020-01-23\", \"colour\": \"red\"}")) {
            String json = base.substring(0, base.lastIndexOf('}')) + ", \"comparison\": " + bad + "}";
            assertThatThrownBy(() -> ViewDefinition.parse(json)).as(bad).isInstanceOf(RuntimeException.class);
        }
        // each refused for its own reason, not for a missing perCapita
        String moon = base.substring(0, base.lastIndexOf('}')) + ", \"comparison\": {\"baselineFrom\": \"2020-01-17\", "
                + "\"baselineTo\": \"2020-01-23\", \"alignment\": \"moon\"}}";
        assertThatThrownBy(() -> ViewDefinition.parse(moon)).hasMessageContaining("moon");
        String v2 = SavedViewFormat.write(plain());
        String withComparison = v2.substring(0, v2.lastIndexOf('}')) + ", \"comparison\": {\"perCapita\": true}}";
        assertThatThrownBy(() -> ViewDefinition.parse(withComparison)).hasMessageContaining("version 3");
    }
}
