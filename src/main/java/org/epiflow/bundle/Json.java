package org.epiflow.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.epiflow.text.Message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strict JSON reading used for bundle headers and manifests: valid UTF-8 only, no duplicate or unknown members,
 * and every member of exactly its declared JSON type ({@link Shape}) before any value is converted — so
 * {@code "k": 10.9}, {@code "k": "10"} and {@code "k": 1e1} are refused rather than read as 10.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16).maxStringLength(64 * 1024).maxNumberLength(32).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** The JSON type a member must have. */
    sealed interface Shape permits Scalar, ArrayOf, ObjectOf, Optional {
    }

    /** A string or a whole number (a JSON integer, within {@code long}). */
    enum Scalar implements Shape {
        STRING("bundle.json.kind.string"),
        INTEGER("bundle.json.kind.integer");

        private final String key;

        Scalar(String key) {
            this.key = key;
        }
    }

    /** An array whose every element has {@code element}'s shape. */
    record ArrayOf(Shape element) implements Shape {
    }

    /** An object with exactly these members (each required unless {@link Optional}). */
    record ObjectOf(Map<String, Shape> members) implements Shape {
    }

    /** A member that may be absent or {@code null}. */
    record Optional(Shape shape) implements Shape {
    }

    /** An object shape from name/shape pairs, in order. */
    static ObjectOf object(Object... namesAndShapes) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            m.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return new ObjectOf(m);
    }

    /**
     * Reads a JSON document of the given shape. {@code file} names it in messages ({@code header.json});
     * problems are returned as the message of the thrown {@link Refused}.
     */
    static JsonNode read(byte[] json, ObjectOf shape, String file) throws Refused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Message.of("bundle.json.notUtf8", file), e);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new Refused(Message.of("bundle.json.syntax", file, reason(e)), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Refused(Message.of("bundle.json.syntax", file, "empty"), null);
        }
        check(tree, shape, "", file);
        return tree;
    }

    private static void check(JsonNode node, Shape shape, String path, String file) throws Refused {
        if (shape instanceof Optional o) {
            if (node != null && !node.isNull()) {
                check(node, o.shape(), path, file);
            }
            return;
        }
        if (node == null) {
            throw new Refused(Message.of("bundle.json.missing", file, path), null);
        }
        if (shape instanceof Scalar s) {
            boolean ok = s == Scalar.STRING ? node.isTextual() : node.isIntegralNumber() && node.canConvertToLong();
            if (!ok) {
                throw new Refused(Message.of("bundle.json.type", file, path, Message.of(s.key)), null);
            }
        } else if (shape instanceof ArrayOf a) {
            if (!node.isArray()) {
                throw new Refused(Message.of("bundle.json.type", file, path, Message.of("bundle.json.kind.array")),
                        null);
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), a.element(), path + "[" + i + "]", file);
            }
        } else if (shape instanceof ObjectOf o) {
            if (!node.isObject()) {
                throw new Refused(Message.of("bundle.json.type", file, path.isEmpty() ? "/" : path,
                        Message.of("bundle.json.kind.object")), null);
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!o.members().containsKey(name)) {
                    throw new Refused(Message.of("bundle.json.unknown", file, join(path, name)), null);
                }
            }
            for (Map.Entry<String, Shape> m : o.members().entrySet()) {
                if (m.getValue() instanceof Optional && !node.has(m.getKey())) {
                    // an absent optional member reads as null (the records take every member)
                    ((com.fasterxml.jackson.databind.node.ObjectNode) node).putNull(m.getKey());
                }
                check(node.get(m.getKey()), m.getValue(), join(path, m.getKey()), file);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A document that does not have its declared shape. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        Refused(Message message, Throwable cause) {
            super(message.english(), cause);
            this.message = message;
        }

        Message message() {
            return message;
        }
    }

    /** A readable one-line reason from a Jackson error, without echoing the input. */
    static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        int src = first.indexOf(" (for ");
        return src > 0 ? first.substring(0, src) : first;
    }
}
