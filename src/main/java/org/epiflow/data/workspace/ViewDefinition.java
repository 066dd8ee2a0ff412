package org.epiflow.data.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.epiflow.text.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one saved-view format (docs/exports.md, "Saved views"): what the workstation shows — which bundle, which dates,
 * the flow filters, the layers, the map extent, the selected regions, the heatmap (which risk model and column, how
 * classified), the style, the language of exports and their titles. Stored in the workspace's {@code saved_views}
 * table, written to a file by {@code epiflow view export}, read back by {@code epiflow view import} and
 * {@code epiflow export --view}. Holds no data of the bundle: region codes, dates and settings only.
 *
 * <p>Written as version {@value #VERSION}; {@link #parse} also reads version 1 of this format and the older file
 * shape of {@code epiflow export --view} (no {@code format} field; see {@link SavedViewFormat}). Unknown fields of
 * this format are refused, so a view never loses a setting silently.
 *
 * @param format          always {@value #FORMAT}
 * @param version         the schema version (1 or {@value #VERSION}; written as {@value #VERSION})
 * @param name            a name for the view (optional)
 * @param bundle          the bundle shown (optional)
 * @param dates           the time bar (optional: exports then need dates of their own)
 * @param filters         the flow filters
 * @param layers          the roll-up and which layers are shown
 * @param extent          the map extent on screen (optional; the default is all of China)
 * @param bbox            a lon/lat box to show instead (optional; used when {@code extent} is absent)
 * @param selectedRegions region or province codes selected (at most one today)
 * @param heatmap         the heatmap shown (optional)
 * @param style           {@code light} or {@code dark} (optional)
 * @param language        {@code zh} or {@code en}, the language of exports (optional)
 * @param title           a title for exports (optional)
 * @param subtitle        a subtitle for exports (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "version", "name", "bundle", "dates", "filters", "layers", "extent", "bbox",
        "selectedRegions", "heatmap", "style", "language", "title", "subtitle", "comparison"})
public record ViewDefinition(@JsonProperty(value = "format", required = true) String format,
                             @JsonProperty(value = "version", required = true) int version,
                             @JsonProperty("name") String name,
                             @JsonProperty("bundle") Bundle bundle,
                             @JsonProperty("dates") Dates dates,
                             @JsonProperty(value = "filters", required = true) Filters filters,
                             @JsonProperty(value = "layers", required = true) Layers layers,
                             @JsonProperty("extent") Extent extent,
                             @JsonProperty("bbox") BBox bbox,
                             @JsonProperty(value = "selectedRegions", required = true) List<String> selectedRegions,
                             @JsonProperty("heatmap") Heatmap heatmap,
                             @JsonProperty("style") String style,
                             @JsonProperty("language") String language,
                             @JsonProperty("title") String title,
                             @JsonProperty("subtitle") String subtitle,
                             @JsonProperty("comparison") Comparison comparison) {
    public static final String FORMAT = "epiflow-view";
    public static final int VERSION = 2;
    /** The version of a view with a {@code comparison} (written only then; views without one stay version 2). */
    public static final int COMPARISON_VERSION = 3;
    /** The newest version read. */
    public static final int LATEST = COMPARISON_VERSION;
    private static final Set<String> STYLES = Set.of("light", "dark");
    private static final Set<String> LANGUAGES = Set.of("zh", "en");

    public ViewDefinition {
        if (!FORMAT.equals(format)) {
            throw new SavedViewException(Message.of("data.view.format", String.valueOf(format), FORMAT));
        }
        if (version < 1 || version > LATEST) {
            throw new SavedViewException(Message.of("data.view.version", version, LATEST));
        }
        if (filters == null) {
            throw new SavedViewException(Message.of("data.view.missing", "filters"));
        }
        if (layers == null) {
            throw new SavedViewException(Message.of("data.view.missing", "layers"));
        }
        if (style != null && !STYLES.contains(style)) {
            throw new SavedViewException(Message.of("data.view.field", "style", style, "light, dark"));
        }
        if (language != null && !LANGUAGES.contains(language)) {
            throw new SavedViewException(Message.of("data.view.field", "language", language, "zh, en"));
        }
        selectedRegions = List.copyOf(selectedRegions == null ? List.of() : selectedRegions);
        if (comparison != null && version < COMPARISON_VERSION) {
            throw new SavedViewException(Message.of("data.view.compare.version", version, COMPARISON_VERSION));
        }
    }

    /** A view without a comparison (the fields of version 2). */
    public ViewDefinition(String format, int version, String name, Bundle bundle, Dates dates, Filters filters,
                          Layers layers, Extent extent, BBox bbox, List<String> selectedRegions, Heatmap heatmap,
                          String style, String language, String title, String subtitle) {
        this(format, version, name, bundle, dates, filters, layers, extent, bbox, selectedRegions, heatmap, style,
                language, title, subtitle, null);
    }

    /** The same view comparing with a baseline, per capita or with groups (null: none). */
    public ViewDefinition withComparison(Comparison c) {
        return new ViewDefinition(format, Math.max(version, c == null ? version : COMPARISON_VERSION), name, bundle,
                dates, filters, layers, extent, bbox, selectedRegions, heatmap, style, language, title, subtitle, c);
    }

    /**
     * A comparison (version 3): the baseline (first and last day as asked, the bundle it is read from when not
     * this one, the alignment {@code date}, {@code weekday} or {@code lunar-new-year}), what the map shows
     * ({@code trips}, {@code baseline}, {@code change}, {@code change_percent}), per-capita, and region groups.
     * Every value is checked; unknown values are refused.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"baselineFrom", "baselineTo", "baselineBundle", "alignment", "measure", "perCapita", "groups"})
    public record Comparison(@JsonProperty("baselineFrom") LocalDate baselineFrom,
                             @JsonProperty("baselineTo") LocalDate baselineTo,
                             @JsonProperty("baselineBundle") Bundle baselineBundle,
                             @JsonProperty("alignment") String alignment,
                             @JsonProperty("measure") String measure,
                             @JsonProperty("perCapita") boolean perCapita,
                             @JsonProperty("groups") List<Group> groups) {
        private static final Set<String> ALIGNMENTS = Set.of("date", "weekday", "lunar-new-year");
        private static final Set<String> MEASURES = Set.of("trips", "baseline", "change", "change_percent");

        public Comparison {
            if ((baselineFrom == null) != (baselineTo == null)) {
                throw new SavedViewException(Message.of("data.view.missing", baselineFrom == null
                        ? "comparison.baselineFrom" : "comparison.baselineTo"));
            }
            if (baselineFrom != null && baselineTo.isBefore(baselineFrom)) {
                throw new SavedViewException(Message.of("data.view.dates", baselineTo, baselineFrom));
            }
            if (alignment != null && !ALIGNMENTS.contains(alignment)) {
                throw new SavedViewException(Message.of("data.view.field", "comparison.alignment", alignment,
                        "date, weekday, lunar-new-year"));
            }
            if (measure != null && !MEASURES.contains(measure)) {
                throw new SavedViewException(Message.of("data.view.field", "comparison.measure", measure,
                        "trips, baseline, change, change_percent"));
            }
            if (baselineFrom == null && (alignment != null || baselineBundle != null
                    || (measure != null && !measure.equals("trips")))) {
                throw new SavedViewException(Message.of("data.view.missing", "comparison.baselineFrom"));
            }
            groups = List.copyOf(groups == null ? List.of() : groups);
        }

        /** As read from JSON: {@code perCapita} is optional (absent: false), as docs/exports.md says. */
        @com.fasterxml.jackson.annotation.JsonCreator
        static Comparison read(@JsonProperty("baselineFrom") LocalDate baselineFrom,
                               @JsonProperty("baselineTo") LocalDate baselineTo,
                               @JsonProperty("baselineBundle") Bundle baselineBundle,
                               @JsonProperty("alignment") String alignment,
                               @JsonProperty("measure") String measure,
                               @JsonProperty("perCapita") Boolean perCapita,
                               @JsonProperty("groups") List<Group> groups) {
            return new Comparison(baselineFrom, baselineTo, baselineBundle, alignment, measure,
                    Boolean.TRUE.equals(perCapita), groups);
        }
    }

    /** A region group: its name and member codes. */
    public record Group(@JsonProperty(value = "name", required = true) String name,
                        @JsonProperty(value = "codes", required = true) List<String> codes) {
        public Group {
            if (name == null || name.isBlank()) {
                throw new SavedViewException(Message.of("data.view.missing", "comparison.groups.name"));
            }
            if (codes == null || codes.isEmpty()) {
                throw new SavedViewException(Message.of("data.view.missing", "comparison.groups.codes"));
            }
            codes = List.copyOf(codes);
        }
    }

    /** A view of the current version with the settings the workstation shows (no name, style, texts). */
    public static ViewDefinition of(Bundle bundle, Dates dates, Filters filters, Layers layers, Extent extent,
                                    List<String> selectedRegions, Heatmap heatmap) {
        return new ViewDefinition(FORMAT, VERSION, null, bundle, dates, filters, layers, extent, null,
                selectedRegions, heatmap, null, null, null, null);
    }

    /** The same view under a name (its comparison kept). */
    public ViewDefinition withName(String n) {
        return new ViewDefinition(format, version, n, bundle, dates, filters, layers, extent, bbox, selectedRegions,
                heatmap, style, language, title, subtitle, comparison);
    }

    /** The same view with a style, export language and titles (its comparison kept). */
    public ViewDefinition withPresentation(String s, String lang, String t, String sub) {
        return new ViewDefinition(format, version, name, bundle, dates, filters, layers, extent, bbox,
                selectedRegions, heatmap, s, lang, t, sub, comparison);
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
                throw new SavedViewException(Message.of("data.view.dates", end, start));
            }
            if (!Set.of("SINGLE", "RANGE").contains(mode)) {
                throw new SavedViewException(Message.of("data.view.field", "dates.mode", mode, "SINGLE, RANGE"));
            }
            if (!Set.of("DAILY", "WEEKLY").contains(granularity)) {
                throw new SavedViewException(Message.of("data.view.field", "dates.granularity", granularity,
                        "DAILY, WEEKLY"));
            }
        }
    }

    /**
     * Flow filters: top N flows (0 = all), minimum volume, direction ({@code BOTH}, {@code OUTGOING},
     * {@code INCOMING}, {@code BETWEEN}, {@code ALL}) relative to the selection, whether the flow scale is locked,
     * and whether flows roll up to provinces by themselves when zoomed far out (default yes).
     */
    public record Filters(@JsonProperty(value = "topN", required = true) int topN,
                          @JsonProperty(value = "minVolume", required = true) long minVolume,
                          @JsonProperty(value = "direction", required = true) String direction,
                          @JsonProperty("lockScale") Boolean lockScale,
                          @JsonProperty("autoProvinces") Boolean autoProvinces) {
        private static final Set<String> DIRECTIONS = Set.of("ALL", "INCOMING", "OUTGOING", "BOTH", "BETWEEN");

        public Filters {
            lockScale = lockScale != null && lockScale;
            if (topN < 0 || minVolume < 0) {
                throw new SavedViewException(Message.of("data.view.negative"));
            }
            direction = direction == null ? "BOTH" : direction.trim().toUpperCase(Locale.ROOT);
            if (!DIRECTIONS.contains(direction)) {
                throw new SavedViewException(Message.of("data.view.field", "filters.direction", direction,
                        "incoming, outgoing, both, between, all"));
            }
        }

        /** v1's four fields. */
        public Filters(int topN, long minVolume, String direction, boolean lockScale) {
            this(topN, minVolume, direction, lockScale, null);
        }

        /** Whether flows roll up by themselves when zoomed far out (on unless the view says otherwise). */
        public boolean autoProvincesOn() {
            return autoProvinces == null || autoProvinces;
        }
    }

    /**
     * Layers: flows aggregated to provinces instead of prefectures, and which of the map's layers are shown (absent:
     * flows, circles and labels on; the heatmap on when the view has one).
     */
    public record Layers(@JsonProperty(value = "provinces", required = true) Boolean provinces,
                         @JsonProperty("flows") Boolean flows,
                         @JsonProperty("heatmap") Boolean heatmap,
                         @JsonProperty("symbols") Boolean symbols,
                         @JsonProperty("labels") Boolean labels) {
        public Layers {
            if (provinces == null) {
                throw new SavedViewException(Message.of("data.view.missing", "layers.provinces"));
            }
        }

        /** v1's one field. */
        public Layers(boolean provinces) {
            this(provinces, null, null, null, null);
        }
    }

    /** Whether a layer is shown: {@code flows}, {@code heatmap}, {@code symbols} or {@code labels}. */
    public boolean shows(String layer) {
        Boolean v = switch (layer) {
            case "flows" -> layers.flows();
            case "heatmap" -> layers.heatmap();
            case "symbols" -> layers.symbols();
            case "labels" -> layers.labels();
            default -> throw new IllegalArgumentException(layer);
        };
        return v != null ? v : !layer.equals("heatmap") || heatmap != null;
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
                throw new SavedViewException(Message.of("data.view.field", "extent.projection",
                        String.valueOf(projection), ALBERS_CHINA));
            }
            if (!(metresPerPixel > 0) || !Double.isFinite(metresPerPixel) || !Double.isFinite(centerX)
                    || !Double.isFinite(centerY) || width < 0 || height < 0) {
                throw new SavedViewException(Message.of("data.view.extent"));
            }
        }
    }

    /** A lon/lat box to show (WGS 84 degrees), fitted into the map with a small margin. */
    public record BBox(@JsonProperty(value = "west", required = true) double west,
                       @JsonProperty(value = "south", required = true) double south,
                       @JsonProperty(value = "east", required = true) double east,
                       @JsonProperty(value = "north", required = true) double north) {
        public BBox {
            if (!(west < east && south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
                throw new SavedViewException(Message.of("data.view.bbox"));
            }
        }
    }

    /**
     * The heatmap: a risk model's column ({@code model} and {@code column} as for {@code epiflow export --heatmap
     * MODEL:COLUMN}), its classification ({@code quantiles}, {@code equal}, {@code jenks} or {@code custom} with
     * {@code breaks}) into {@code classes}, the colour scheme, and the model's parameters as typed (the same names
     * as the options of {@code epiflow risk}, without the dashes).
     */
    public record Heatmap(@JsonProperty(value = "model", required = true) String model,
                          @JsonProperty(value = "column", required = true) String column,
                          @JsonProperty("classify") String classify,
                          @JsonProperty("classes") Integer classes,
                          @JsonProperty("breaks") List<Double> breaks,
                          @JsonProperty("scheme") String scheme,
                          @JsonProperty("reversed") Boolean reversed,
                          @JsonProperty("parameters") Map<String, String> parameters) {
        private static final Set<String> METHODS = Set.of("quantiles", "equal", "jenks", "custom");

        public Heatmap {
            if (model == null || model.isBlank() || column == null || column.isBlank()) {
                throw new SavedViewException(Message.of("data.view.missing", "heatmap.model, heatmap.column"));
            }
            if (classify != null && !METHODS.contains(classify)) {
                throw new SavedViewException(Message.of("data.view.field", "heatmap.classify", classify,
                        "quantiles, equal, jenks, custom"));
            }
            if (classes != null && (classes < 2 || classes > 9)) {
                throw new SavedViewException(Message.of("data.view.field", "heatmap.classes", classes, "2–9"));
            }
            breaks = breaks == null ? null : List.copyOf(breaks);
            parameters = parameters == null ? null : Map.copyOf(parameters);
        }
    }

    /** The JSON text of the current version (keys in a fixed order, indented). */
    public String toJson() {
        return SavedViewFormat.write(this);
    }

    /** Reads and checks a saved view of any version or shape this program knows; the result is of the current one. */
    public static ViewDefinition parse(String json) {
        return SavedViewFormat.read(json);
    }

    /** Reads a saved view from a file (at most {@value SavedViewFormat#MAX_BYTES} bytes). */
    public static ViewDefinition read(Path file) throws IOException {
        if (Files.size(file) > SavedViewFormat.MAX_BYTES) {
            throw new SavedViewException(Message.of("data.view.tooLarge", file.getFileName().toString(),
                    SavedViewFormat.MAX_BYTES));
        }
        try {
            return parse(Files.readString(file));
        } catch (SavedViewException e) {
            throw new SavedViewException(Message.of("data.view.inFile", file.getFileName().toString(), e.message()),
                    e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SavedViewException(Message.of("data.view.inFile", file.getFileName().toString(),
                    Message.of("data.view.notUtf8")), e);
        }
    }
}
