package dev.osprey.signaling.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of JSON claim values as the JSON deserializer produced them (String, Boolean, Number, List, Map).
 * A claim of the wrong type makes the whole token unusable, as it does for LiveKit's Go server, whose struct
 * decoding fails on a type mismatch; JSON {@code null} reads as absent.
 */
final class ClaimsReader {

    private final Map<String, ?> claims;
    private final String scope;

    ClaimsReader(Map<String, ?> claims, String scope) {
        this.claims = claims;
        this.scope = scope;
    }

    String string(String name) throws AccessTokenException {
        Object value = claims.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, "a string");
    }

    String stringOrEmpty(String name) throws AccessTokenException {
        String value = string(name);
        return value == null ? "" : value;
    }

    /** A JSON boolean, or {@code null} when absent: LiveKit's pointer grants default differently when unset. */
    Boolean optionalBoolean(String name) throws AccessTokenException {
        Object value = claims.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(name, "a boolean");
    }

    boolean flag(String name) throws AccessTokenException {
        return Boolean.TRUE.equals(optionalBoolean(name));
    }

    List<String> strings(String name) throws AccessTokenException {
        Object value = claims.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, "an array of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw wrongType(name, "an array of strings");
            }
            out.add(text);
        }
        return Collections.unmodifiableList(out);
    }

    Map<String, String> stringMap(String name) throws AccessTokenException {
        Object value = claims.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String text)) {
                throw wrongType(name, "an object of strings");
            }
            out.put(key, text);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A nested JSON object, or {@code null} when absent. */
    Map<String, ?> object(String name) throws AccessTokenException {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw wrongType(name, "an object");
            }
        }
        @SuppressWarnings("unchecked") Map<String, ?> typed = (Map<String, ?>) map;
        return typed;
    }

    private AccessTokenException wrongType(String name, String expected) {
        return new AccessTokenException("invalid authorization token: claim " + scope + name + " must be " + expected);
    }
}
