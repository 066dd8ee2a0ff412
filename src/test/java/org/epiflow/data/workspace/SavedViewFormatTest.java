package org.epiflow.data.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One saved-view format: version 2 written, version 1 and the older export file read, anything else refused. */
class SavedViewFormatTest {
    /** What the workstation saved before (version 1, as WorkspaceSession wrote it). */
    static final String V1 = """
            {
              "format" : "epiflow-view",
              "version" : 1,
              "bundle" : { "id" : "demo-1", "fingerprint" : "1B64-A027", "file" : "/data/demo.epiflow" },
              "dates" : { "mode" : "RANGE", "granularity" : "DAILY", "start" : "2020-01-20", "end" : "2020-01-26" },
              "filters" : { "topN" : 500, "minVolume" : 100, "direction" : "OUTGOING", "lockScale" : true },
              "layers" : { "provinces" : true },
              "extent" : { "projection" : "albers-china", "centerX" : 1200000.5, "centerY" : 3500000.25,
                           "metresPerPixel" : 2400.0, "width" : 1280, "height" : 800 },
              "selectedRegions" : [ "420000" ]
            }""";

    /** What `epiflow export --view` read before (no format field). */
    static final String EXPORT_FILE = """
            { "version": 1, "name": "Wuhan outflow",
              "extent": { "west": 108.3, "south": 29.0, "east": 116.2, "north": 33.3 },
              "layers": ["flows", "symbols", "labels", "heatmap"],
              "filters": { "topN": 2000, "minVolume": 100, "direction": "outgoing", "regions": ["420100"],
                           "provinces": false },
              "style": "light", "language": "zh", "title": "武汉市出行流向", "subtitle": "前 2,000 条" }""";

    @Test
    void versionOneReadsAsTheCurrentVersion() {
        ViewDefinition v = ViewDefinition.parse(V1);
        assertThat(v.version()).isEqualTo(ViewDefinition.VERSION);
        assertThat(v.dates().start()).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(v.filters().direction()).isEqualTo("OUTGOING");
        assertThat(v.filters().lockScale()).isTrue();
        assertThat(v.filters().autoProvincesOn()).isTrue();
        assertThat(v.layers().provinces()).isTrue();
        assertThat(v.extent().metresPerPixel()).isEqualTo(2400.0);
        assertThat(v.selectedRegions()).containsExactly("420000");
        // layers a version-1 view did not record are shown, the heatmap only with a heatmap
        assertThat(v.shows("flows")).isTrue();
        assertThat(v.shows("labels")).isTrue();
        assertThat(v.shows("heatmap")).isFalse();
        assertThat(v.toJson()).contains("\"version\" : 2");
    }

    @Test
    void theOlderExportFileReadsAsTheCurrentVersion() {
        ViewDefinition v = ViewDefinition.parse(EXPORT_FILE);
        assertThat(v.version()).isEqualTo(ViewDefinition.VERSION);
        assertThat(v.name()).isEqualTo("Wuhan outflow");
        assertThat(v.bbox()).isEqualTo(new ViewDefinition.BBox(108.3, 29.0, 116.2, 33.3));
        assertThat(v.extent()).isNull();
        assertThat(v.filters().topN()).isEqualTo(2000);
        assertThat(v.filters().direction()).isEqualTo("OUTGOING");
        assertThat(v.selectedRegions()).containsExactly("420100");
        assertThat(v.shows("heatmap")).isTrue();
        assertThat(v.style()).isEqualTo("light");
        assertThat(v.title()).isEqualTo("武汉市出行流向");
        // one format afterwards: written and read back, the same view
        assertThat(ViewDefinition.parse(v.toJson())).isEqualTo(v);
    }

    @Test
    void everyFieldOfVersionTwoRoundTrips() {
        ViewDefinition v = new ViewDefinition(ViewDefinition.FORMAT, 2, "Briefing", new ViewDefinition.Bundle("b",
                "FP", null), new ViewDefinition.Dates("SINGLE", "WEEKLY", LocalDate.of(2020, 2, 3),
                LocalDate.of(2020, 2, 3)), new ViewDefinition.Filters(0, 0, "both", false, false),
                new ViewDefinition.Layers(false, true, true, false, true),
                new ViewDefinition.Extent("albers-china", 1, 2, 300, 1920, 1080), null, List.of("110000"),
                new ViewDefinition.Heatmap("importation", "expected_imported", "custom", 4, List.of(0.0, 1.0, 10.0),
                        "YL_OR_RD", false, Map.of("asOf", "2020-01-23", "window", "7")), "dark", "en", "T", "S");
        String json = v.toJson();
        assertThat(ViewDefinition.parse(json)).isEqualTo(v);
        assertThat(v.filters().direction()).isEqualTo("BOTH");
        assertThat(v.filters().autoProvincesOn()).isFalse();
        assertThat(v.shows("symbols")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]                                                  | must be a JSON object",
        "{ \"format\": \"x\", \"version\": 2 }                   | is not a saved view",
        "not json                                                | not valid JSON",
        "{ \"version\": 3 }                                      | version 3",
        "{ \"layers\": [\"flows\", \"roads\"] }                  | unknown layer \"roads\"",
        "{ \"filters\": { \"direction\": \"sideways\" } }        | filters.direction",
        "{ \"extent\": { \"west\": 120, \"south\": 29 } }        | west < east",
        "{ \"style\": \"neon\" }                                 | \"style\" is \"neon\"",
    })
    void badViewsAreRefusedNamingWhatIsWrong(String json, String message) {
        assertThatThrownBy(() -> ViewDefinition.parse(json)).isInstanceOf(SavedViewException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsRefusedNotDropped() {
        String json = V1.replace("\"selectedRegions\"", "\"overlay\" : \"roads\", \"selectedRegions\"");
        assertThatThrownBy(() -> ViewDefinition.parse(json)).hasMessageContaining("\"overlay\"");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String json = V1.replace("\"version\" : 1,", "\"version\" : 1, \"version\" : 2,");
        assertThatThrownBy(() -> ViewDefinition.parse(json)).isInstanceOf(SavedViewException.class)
                .hasMessageContaining("version");
    }

    @Test
    void versionOneWithoutRequiredFieldsIsRefused() {
        assertThatThrownBy(() -> ViewDefinition.parse("{\"format\": \"epiflow-view\", \"version\": 1}"))
                .isInstanceOf(SavedViewException.class);
    }
}
