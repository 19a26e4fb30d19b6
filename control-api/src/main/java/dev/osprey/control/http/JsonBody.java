package dev.osprey.control.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON request body as Bedrud's handlers bind it: the root must be an object; a field is either absent (or
 * {@code null}), or of the declared JSON type. Anything else — malformed JSON, trailing data, a wrong type, a number
 * out of range, nesting deeper than {@value #MAX_DEPTH} — is rejected with 400 {@value #INVALID_INPUT} and nothing
 * but {@link ApiException} ever leaves this class. An empty body reads as {@code {}} (Bedrud's optional bodies).
 */
public final class JsonBody {

    public static final String INVALID_INPUT = "Invalid input";
    static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(4 * 1024 * 1024).maxNumberLength(64).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    public static JsonBody empty() {
        return new JsonBody(MAPPER.createObjectNode());
    }

    /** Parses a request body; blank input is an empty object. */
    public static JsonBody parse(byte[] body) {
        if (body == null || isBlank(body)) {
            return empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return new JsonBody(object);
            }
        } catch (JacksonException e) {
            throw ApiException.badRequest(INVALID_INPUT);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest(INVALID_INPUT);
        }
        throw ApiException.badRequest(INVALID_INPUT);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private Optional<JsonNode> field(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    public boolean has(String name) {
        return field(name).isPresent();
    }

    /** A string field, or null when absent. */
    public String string(String name) {
        return field(name).map(n -> {
            if (!n.isTextual()) {
                throw ApiException.badRequest(INVALID_INPUT);
            }
            return n.textValue();
        }).orElse(null);
    }

    /** A string field, or "" when absent. */
    public String stringOrEmpty(String name) {
        String s = string(name);
        return s == null ? "" : s;
    }

    public Boolean bool(String name) {
        return field(name).map(n -> {
            if (!n.isBoolean()) {
                throw ApiException.badRequest(INVALID_INPUT);
            }
            return n.booleanValue();
        }).orElse(null);
    }

    public boolean bool(String name, boolean fallback) {
        Boolean b = bool(name);
        return b == null ? fallback : b;
    }

    /** An integral number that fits an int (Go's {@code int} binding rejects fractions and overflow). */
    public Integer integer(String name) {
        return field(name).map(n -> {
            if (n.getNodeType() != JsonNodeType.NUMBER || !n.canConvertToExactIntegral() || !n.canConvertToInt()) {
                throw ApiException.badRequest(INVALID_INPUT);
            }
            return n.intValue();
        }).orElse(null);
    }

    public JsonBody object(String name) {
        return field(name).map(n -> {
            if (!(n instanceof ObjectNode o)) {
                throw ApiException.badRequest(INVALID_INPUT);
            }
            return new JsonBody(o);
        }).orElse(null);
    }

    /** An array of strings, or null when absent. */
    public List<String> strings(String name) {
        return field(name).map(n -> {
            if (!n.isArray()) {
                throw ApiException.badRequest(INVALID_INPUT);
            }
            List<String> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw ApiException.badRequest(INVALID_INPUT);
                }
                out.add(e.textValue());
            }
            return out;
        }).orElse(null);
    }

    /** The names of the fields present at the root. */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        root.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The raw node of a field (admin settings carry heterogeneous values). */
    public JsonNode node(String name) {
        return field(name).orElse(null);
    }
}
