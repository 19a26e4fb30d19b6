package dev.osprey.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment overrides, applied over the file. {@code OSPREY_<KEY>} with {@code __} between levels addresses
 * any key (case-insensitive: {@code OSPREY_RTC__UDP_PORT}, {@code OSPREY_AUTH__JWTSECRET}); the variables that
 * Bedrud and livekit-server document ({@code SERVER_PORT}, {@code DB_PATH}, {@code JWT_SECRET},
 * {@code LIVEKIT_KEYS}, ...) are honoured too, below {@code OSPREY_} ones. Lists are comma-separated; key maps are
 * {@code "key: secret"} pairs separated by commas or newlines, as {@code LIVEKIT_KEYS} is written.
 */
final class EnvOverrides {
    private static final String PREFIX = "OSPREY_";
    private static final Map<String, String> ALIASES = aliases();

    private final Map<String, String> env;

    EnvOverrides(Map<String, String> env) {
        this.env = new TreeMap<>(env);
    }

    void applyTo(ObjectNode tree, List<ConfigError> errors) {
        ALIASES.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null) {
                set(tree, key.split("\\."), value, variable, errors);
            }
        });
        env.forEach((variable, value) -> {
            if (variable.startsWith(PREFIX) && variable.length() > PREFIX.length()) {
                String[] path = variable.substring(PREFIX.length()).toLowerCase().split("__");
                set(tree, path, value, variable, errors);
            }
        });
    }

    private static void set(ObjectNode tree, String[] path, String value, String variable, List<ConfigError> errors) {
        ObjectNode node = tree;
        StringBuilder dotted = new StringBuilder();
        for (int i = 0; i < path.length; i++) {
            String name = fieldNamed(node, path[i]);
            if (name == null) {
                errors.add(new ConfigError(variable, "names no configuration key ('" + path[i] + "' is unknown)"));
                return;
            }
            dotted.append(dotted.isEmpty() ? "" : ".").append(name);
            JsonNode current = node.get(name);
            if (i < path.length - 1) {
                if (!current.isObject() || ConfigLoader.MAP_KEYS.contains(dotted.toString())) {
                    errors.add(new ConfigError(variable, "'" + dotted + "' has no sub-keys"));
                    return;
                }
                node = (ObjectNode) current;
            } else {
                JsonNode parsed = parse(current, dotted.toString(), value);
                if (parsed == null) {
                    errors.add(new ConfigError(variable, "'" + dotted + "' is a section; name one of its keys"));
                    return;
                }
                node.set(name, parsed);
            }
        }
    }

    private static JsonNode parse(JsonNode current, String key, String value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (ConfigLoader.MAP_KEYS.contains(key)) {
            ObjectNode map = nodes.objectNode();
            for (String pair : value.split("[,\n]")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    map.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
                } else if (!pair.isBlank()) {
                    map.put(pair.trim(), ""); // reported by validation as a key without a secret
                }
            }
            return map;
        }
        if (current.isObject()) {
            return null;
        }
        if (current.isArray()) {
            ArrayNode list = nodes.arrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.trim());
                }
            }
            return list;
        }
        return nodes.textNode(value); // Jackson coerces "7882" and "true"; anything else is reported on binding
    }

    private static String fieldNamed(ObjectNode node, String lowerCaseName) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase(lowerCaseName)) {
                return name;
            }
        }
        return null;
    }

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("LIVEKIT_KEYS", "keys");
        m.put("SERVER_PORT", "server.port");
        m.put("SERVER_HOST", "server.host");
        m.put("DB_TYPE", "database.type");
        m.put("DB_PATH", "database.path");
        m.put("DB_HOST", "database.host");
        m.put("DB_PORT", "database.port");
        m.put("DB_USER", "database.user");
        m.put("DB_PASSWORD", "database.password");
        m.put("DB_NAME", "database.name");
        m.put("JWT_SECRET", "auth.jwtSecret");
        m.put("AUTH_FRONTEND_URL", "auth.frontendURL");
        m.put("AUTH_REQUIRE_EMAIL_VERIFICATION", "auth.requireEmailVerification");
        m.put("LIVEKIT_HOST", "livekit.host");
        m.put("LIVEKIT_INTERNAL_HOST", "livekit.internalHost");
        m.put("LIVEKIT_API_KEY", "livekit.apiKey");
        m.put("LIVEKIT_API_SECRET", "livekit.apiSecret");
        m.put("LIVEKIT_EXTERNAL", "livekit.external");
        m.put("LIVEKIT_NODE_IP", "rtc.node_ip");
        return m;
    }
}
