package dev.osprey.control.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.db.SettingsRepository;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bedrud's "effective settings" (bedrud-api.md §4): admin overrides stored in {@code system_settings} laid over the
 * configuration. Read per request (registration and guest toggles, limits, instance name); the override table is
 * cached and reloaded after each admin write.
 */
public final class EffectiveSettings {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ControlApiConfig config;
    private final SettingsRepository repository;
    private final AtomicReference<Map<String, String>> overrides = new AtomicReference<>(Map.of());

    public EffectiveSettings(ControlApiConfig config, SettingsRepository repository) {
        this.config = config;
        this.repository = repository;
        reload();
    }

    public void reload() {
        overrides.set(Map.copyOf(repository.all()));
    }

    public ControlApiConfig config() {
        return config;
    }

    public Map<String, String> overrides() {
        return overrides.get();
    }

    private JsonNode override(String key) {
        String raw = overrides.get().get(key);
        if (raw == null) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (Exception e) {
            return null;
        }
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode n = override(key);
        return n != null && n.isBoolean() ? n.booleanValue() : fallback;
    }

    public int positiveInt(String key, int fallback) {
        JsonNode n = override(key);
        return n != null && n.canConvertToInt() && n.intValue() > 0 ? n.intValue() : fallback;
    }

    public String string(String key, String fallback) {
        JsonNode n = override(key);
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? n.textValue() : fallback;
    }

    public boolean registrationEnabled() {
        return bool("registrationEnabled", config.features().registrationEnabled());
    }

    public boolean tokenRegistrationOnly() {
        return bool("tokenRegistrationOnly", config.features().tokenRegistrationOnly());
    }

    public boolean guestLoginEnabled() {
        return bool("guestLoginEnabled", config.features().guestLoginEnabled());
    }

    public int maxParticipantsLimit() {
        return positiveInt("maxParticipantsLimit", config.limits().maxParticipantsLimit());
    }

    public int maxRoomsPerUser() {
        return positiveInt("maxRoomsPerUser", config.limits().maxRoomsPerUser());
    }

    public String serverName() {
        return string("serverName", config.server().serverName());
    }

    public boolean requireEmailVerification() {
        return config.auth().requireEmailVerification();
    }
}
