package org.epiflow.export;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved map view (JSON; the workspace will store these): extent, layers and filters. Every field is optional.
 * Schema (version 1), documented in docs/exports.md:
 * <pre>{@code
 * { "version": 1, "name": "Wuhan outflow",
 *   "extent": { "west": 108.3, "south": 29.0, "east": 116.2, "north": 33.3 },
 *   "layers": ["flows", "symbols", "labels", "heatmap"],
 *   "filters": { "topN": 2000, "minVolume": 100, "direction": "outgoing", "regions": ["420100"],
 *                "provinces": false },
 *   "style": "light", "language": "zh", "title": "…", "subtitle": "…" }
 * }</pre>
 *
 * @param version  schema version (1)
 * @param name     a name for the view
 * @param extent   lon/lat box to show (WGS 84 degrees)
 * @param layers   layer names as for {@code --layers}
 * @param filters  flow filters
 * @param style    "light" or "dark"
 * @param language "zh" or "en"
 * @param title    a title for exports of this view
 * @param subtitle a subtitle
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SavedView(Integer version, String name, Extent extent, List<String> layers, Filters filters,
                        String style, String language, String title, String subtitle) {
    /** A lon/lat box. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extent(double west, double south, double east, double north) {
        public Extent {
            if (!(west < east && south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
                throw new IllegalArgumentException("bad extent: west < east and south < north, in degrees");
            }
        }
    }

    /** Flow filters; null fields keep the defaults. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filters(Integer topN, Long minVolume, String direction, List<String> regions, Boolean provinces) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads and checks a saved view. */
    public static SavedView read(Path file) throws IOException {
        SavedView v;
        try {
            v = MAPPER.readValue(Files.readAllBytes(file), SavedView.class);
        } catch (IOException e) {
            throw new IOException("cannot read the saved view " + file + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (v == null) {
            throw new IOException("the saved view " + file + " is empty");
        }
        if (v.version() != null && v.version() != 1) {
            throw new IOException("saved view " + file + " has version " + v.version() + "; this EpiFlow reads 1");
        }
        if (v.layers() != null) {
            try {
                ExportLayer.parseList(String.join(",", v.layers()));
            } catch (IllegalArgumentException e) {
                throw new IOException("saved view " + file + ": " + e.getMessage());
            }
        }
        return v;
    }

    public void write(Path file) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }
}
