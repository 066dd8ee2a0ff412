package org.epiflow.data.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.epiflow.text.Message;

import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes {@link ViewDefinition} JSON. Three shapes are read, each one way only:
 * <ul>
 *   <li>version 2 of {@code "format": "epiflow-view"} (what this program writes);</li>
 *   <li>version 1 of the same format (what the workstation saved before: no heatmap, layers as the roll-up only);</li>
 *   <li>the older file of {@code epiflow export --view}, which has no {@code format} field: {@code layers} a list of
 *       names, {@code extent} a lon/lat box, the focus region in {@code filters.regions}; its unknown fields were
 *       ignored and still are.</li>
 * </ul>
 * Whatever was read comes back as the current version.
 */
final class SavedViewFormat {
    /** Largest saved view read (a view is a few hundred bytes). */
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> LEGACY_LAYERS = Set.of("flows", "heatmap", "choropleth", "symbols", "labels");

    private SavedViewFormat() {
    }

    /** The version a view is written and read as: 3 with a comparison, else 2. */
    private static int target(ViewDefinition v) {
        return v.comparison() != null ? ViewDefinition.COMPARISON_VERSION : ViewDefinition.VERSION;
    }

    static String write(ViewDefinition v) {
        ViewDefinition current = v.version() == target(v) ? v : new ViewDefinition(v.format(),
                target(v), v.name(), v.bundle(), v.dates(), v.filters(), v.layers(), v.extent(),
                v.bbox(), v.selectedRegions(), v.heatmap(), v.style(), v.language(), v.title(), v.subtitle(),
                v.comparison());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(current);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ViewDefinition read(String json) {
        if (json.length() > MAX_BYTES) {
            throw new SavedViewException(Message.of("data.view.tooLarge", "", MAX_BYTES));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SavedViewException(Message.of("data.view.notJson", e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new SavedViewException(Message.of("data.view.notObject"));
        }
        ObjectNode o = (ObjectNode) root;
        if (!o.has("format")) {
            o = fromExportFile(o);
        }
        if (!ViewDefinition.FORMAT.equals(o.path("format").asText(null))) {
            throw new SavedViewException(Message.of("data.view.format", o.path("format").asText(), ViewDefinition.FORMAT));
        }
        JsonNode version = o.path("version");
        if (!version.canConvertToInt() || version.asInt() < 1 || version.asInt() > ViewDefinition.LATEST) {
            throw new SavedViewException(Message.of("data.view.version", version.asText(), ViewDefinition.LATEST));
        }
        for (String required : new String[] {"filters", "layers"}) {
            if (!o.path(required).isObject()) {
                throw new SavedViewException(Message.of("data.view.missing", required));
            }
        }
        ViewDefinition v;
        try {
            v = JSON.treeToValue(o, ViewDefinition.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SavedViewException(Message.of("data.view.unknownField", e.getPropertyName()), e);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof SavedViewException s) {
                throw s;
            }
            throw new SavedViewException(Message.of("data.view.invalid", e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof SavedViewException s) {
                throw s;
            }
            throw e instanceof SavedViewException s ? s : new SavedViewException(
                    Message.of("data.view.invalid", String.valueOf(e.getMessage())), e);
        }
        if (v == null) {
            throw new SavedViewException(Message.of("data.view.notObject"));
        }
        return v.version() == target(v) ? v : new ViewDefinition(v.format(), target(v),
                v.name(), v.bundle(), v.dates(), v.filters(), v.layers(), v.extent(), v.bbox(), v.selectedRegions(),
                v.heatmap(), v.style(), v.language(), v.title(), v.subtitle(), v.comparison());
    }

    /** The older {@code epiflow export --view} file as version 2 of the format. */
    private static ObjectNode fromExportFile(ObjectNode in) {
        JsonNode version = in.get("version");
        if (version != null && !version.isNull() && !(version.canConvertToInt() && version.asInt() == 1)) {
            throw new SavedViewException(Message.of("data.view.version", version.asText(), ViewDefinition.VERSION));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("format", ViewDefinition.FORMAT);
        out.put("version", ViewDefinition.VERSION);
        copyText(in, out, "name");
        JsonNode f = in.path("filters");
        ObjectNode filters = out.putObject("filters");
        filters.put("topN", f.path("topN").isNumber() ? f.path("topN").intValue() : 5000);
        filters.put("minVolume", f.path("minVolume").isNumber() ? f.path("minVolume").longValue() : 0L);
        filters.put("direction", f.path("direction").isTextual()
                ? f.path("direction").asText().trim().toUpperCase(Locale.ROOT) : "BOTH");
        filters.put("lockScale", false);
        ObjectNode layers = out.putObject("layers");
        layers.put("provinces", f.path("provinces").asBoolean(false));
        JsonNode list = in.get("layers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new SavedViewException(Message.of("data.view.field", "layers", list.toString(),
                        "flows, heatmap, symbols, labels"));
            }
            Set<String> shown = new java.util.HashSet<>();
            for (JsonNode n : list) {
                String name = n.asText().trim().toLowerCase(Locale.ROOT);
                if (!LEGACY_LAYERS.contains(name)) {
                    throw new SavedViewException(Message.of("data.view.unknownLayer", n.asText()));
                }
                shown.add(name.equals("choropleth") ? "heatmap" : name);
            }
            for (String l : new String[] {"flows", "heatmap", "symbols", "labels"}) {
                layers.put(l, shown.contains(l));
            }
        }
        JsonNode e = in.get("extent");
        if (e != null && !e.isNull()) {
            ObjectNode bbox = out.putObject("bbox");
            for (String k : new String[] {"west", "south", "east", "north"}) {
                if (!e.path(k).isNumber()) {
                    throw new SavedViewException(Message.of("data.view.bbox"));
                }
                bbox.put(k, e.path(k).doubleValue());
            }
        }
        ArrayNode regions = out.putArray("selectedRegions");
        JsonNode r = f.path("regions");
        if (r.isArray() && r.size() > 0) {
            regions.add(r.get(0).asText());
        }
        for (String k : new String[] {"style", "language"}) {
            if (in.path(k).isTextual()) {
                out.put(k, in.path(k).asText().trim().toLowerCase(Locale.ROOT));
            }
        }
        copyText(in, out, "title");
        copyText(in, out, "subtitle");
        return out;
    }

    private static void copyText(JsonNode in, ObjectNode out, String key) {
        if (in.path(key).isTextual()) {
            out.put(key, in.path(key).asText());
        }
    }
}
