package dev.osprey.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds an {@link OspreyConfig} from, in order of precedence: environment overrides, the YAML file, and the
 * defaults ({@code --dev} defaults when asked). Every key of the file must be known; a value of the wrong form is
 * reported with its dotted key and the expected form, and nothing starts.
 */
public final class ConfigLoader {
    /** Keys whose values are free-form maps (their own keys are data, not configuration keys). */
    static final Set<String> MAP_KEYS = Set.of("keys", "turn.users");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Loads and validates; {@code file} may be null (defaults only). */
    public OspreyConfig load(Path file, boolean dev, Map<String, String> env) throws ConfigException {
        OspreyConfig base = dev ? DevDefaults.config() : OspreyConfig.defaults();
        ObjectNode tree = yaml.valueToTree(base);
        List<ConfigError> errors = new ArrayList<>();
        if (file != null) {
            merge(tree, readFile(file), "", errors);
        }
        new EnvOverrides(env).applyTo(tree, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        OspreyConfig config = bind(tree);
        List<ConfigError> invalid = new ConfigValidator(dev).validate(config);
        if (!invalid.isEmpty()) {
            throw new ConfigException(invalid);
        }
        return config;
    }

    private JsonNode readFile(Path file) throws ConfigException {
        try {
            JsonNode node = yaml.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file.toString(), "expected a YAML mapping of keys at the top level");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Overlays {@code from} onto {@code into}, reporting keys the configuration does not have. */
    private static void merge(ObjectNode into, JsonNode from, String prefix, List<ConfigError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            JsonNode current = into.get(field.getKey());
            if (current == null) {
                errors.add(new ConfigError(key, "unknown key (known keys" + (prefix.isEmpty() ? "" : " under "
                        + prefix.substring(0, prefix.length() - 1)) + ": " + knownKeys(into) + ")"));
            } else if (current.isObject() && field.getValue().isObject() && !MAP_KEYS.contains(key)) {
                merge((ObjectNode) current, field.getValue(), key + ".", errors);
            } else if (current.isObject() && !field.getValue().isObject() && !field.getValue().isNull()) {
                errors.add(new ConfigError(key, "expected a mapping of keys, got '" + field.getValue().asText() + "'"));
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String knownKeys(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    private OspreyConfig bind(ObjectNode tree) throws ConfigException {
        try {
            return yaml.treeToValue(tree, OspreyConfig.class);
        } catch (MismatchedInputException e) {
            String value = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                    ? "'" + invalid.getValue() + "'" : "a value of another shape";
            throw new ConfigException(path(e), "expected " + describe(e.getTargetType()) + ", got " + value);
        } catch (JsonMappingException e) {
            throw new ConfigException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration", e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another form";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of keys";
    }
}
