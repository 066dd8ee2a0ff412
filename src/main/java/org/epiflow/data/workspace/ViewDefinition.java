package org.epiflow.data.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A saved view of the workstation as JSON (docs/workspace-and-audit.md, "Saved views"): which bundle, which dates,
 * the flow filters, the layers, the map extent and the selected regions. Stored in the workspace's
 * {@code saved_views} table, written to a file by {@code epiflow view export}, read by {@code epiflow export --view}.
 * Holds no data of the bundle: region codes and dates only.
 *
 * @param format          always {@value #FORMAT}
 * @param version         {@value #VERSION}
 * @param bundle          the bundle shown (null: none)
 * @param dates           the time bar (null when no bundle)
 * @param filters         the flow filters
 * @param layers          which layers are shown
 * @param extent          the map extent (null: the default, all of China)
 * @param selectedRegions region codes selected (at most one today; a list so the format can grow)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViewDefinition(@JsonProperty(value = "format", required = true) String format,
                             @JsonProperty(value = "version", required = true) int version,
                             @JsonProperty("bundle") Bundle bundle,
                             @JsonProperty("dates") Dates dates,
                             @JsonProperty(value = "filters", required = true) Filters filters,
                             @JsonProperty(value = "layers", required = true) Layers layers,
                             @JsonProperty("extent") Extent extent,
                             @JsonProperty(value = "selectedRegions", required = true) List<String> selectedRegions) {
    public static final String FORMAT = "epiflow-view";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public ViewDefinition {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a saved view (format is '" + format + "', expected " + FORMAT + ")");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("saved view version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(layers, "layers");
        selectedRegions = List.copyOf(selectedRegions == null ? List.of() : selectedRegions);
    }

    /** The bundle: id, fingerprint of the file it was opened from, and that file's path (to reopen it). */
    public record Bundle(@JsonProperty(value = "id", required = true) String id,
                         @JsonProperty("fingerprint") String fingerprint,
                         @JsonProperty("file") String file) {
    }

    /**
     * The time bar: mode {@code SINGLE} or {@code RANGE}, granularity {@code DAILY} or {@code WEEKLY}, the first and
     * last day shown (inclusive; equal for a single day).
     */
    public record Dates(@JsonProperty(value = "mode", required = true) String mode,
                        @JsonProperty(value = "granularity", required = true) String granularity,
                        @JsonProperty(value = "start", required = true) LocalDate start,
                        @JsonProperty(value = "end", required = true) LocalDate end) {
        public Dates {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("dates: end " + end + " is before start " + start);
            }
        }
    }

    /**
     * Flow filters: top N flows (0 = all), minimum volume, direction ({@code BOTH}, {@code OUTGOING},
     * {@code INCOMING}) relative to the selection, and whether the colour scale is locked.
     */
    public record Filters(@JsonProperty(value = "topN", required = true) int topN,
                          @JsonProperty(value = "minVolume", required = true) long minVolume,
                          @JsonProperty(value = "direction", required = true) String direction,
                          @JsonProperty("lockScale") boolean lockScale) {
        public Filters {
            if (topN < 0 || minVolume < 0) {
                throw new IllegalArgumentException("filters: topN and minVolume must not be negative");
            }
        }
    }

    /** Layers: flows aggregated to provinces instead of prefectures. */
    public record Layers(@JsonProperty(value = "provinces", required = true) boolean provinces) {
    }

    /**
     * The map extent in the equal-area Albers projection for China (metres): centre and scale, plus the window size
     * it was saved at (a different window shows the same centre and scale).
     */
    public record Extent(@JsonProperty(value = "projection", required = true) String projection,
                         @JsonProperty(value = "centerX", required = true) double centerX,
                         @JsonProperty(value = "centerY", required = true) double centerY,
                         @JsonProperty(value = "metresPerPixel", required = true) double metresPerPixel,
                         @JsonProperty("width") int width,
                         @JsonProperty("height") int height) {
        public static final String ALBERS_CHINA = "albers-china";

        public Extent {
            if (!ALBERS_CHINA.equals(projection)) {
                throw new IllegalArgumentException("extent: unknown projection '" + projection + "'");
            }
            if (!(metresPerPixel > 0) || !Double.isFinite(centerX) || !Double.isFinite(centerY)) {
                throw new IllegalArgumentException("extent: centre and scale must be finite, scale positive");
            }
        }
    }

    /** The JSON text (keys in a fixed order, indented). */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks a saved view. */
    public static ViewDefinition parse(String json) {
        try {
            ViewDefinition v = JSON.readValue(json, ViewDefinition.class);
            if (v == null) {
                throw new IllegalArgumentException("a saved view must be a JSON object");
            }
            return v;
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("not a valid saved view: " + c.getMessage(), e);
        }
    }
}
