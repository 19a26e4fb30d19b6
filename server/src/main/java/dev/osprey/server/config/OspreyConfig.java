package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The whole configuration of one Osprey process: LiveKit-style keys (snake_case, as livekit-server's YAML spells
 * them) and Bedrud-style keys (camelCase, as Bedrud's config.yaml spells them) side by side, so that an existing
 * config of either server carries over. Loaded by {@link ConfigLoader}; every key has a default here.
 */
public record OspreyConfig(
        @JsonProperty("port") int port,
        @JsonProperty("bind_address") String bindAddress,
        @JsonProperty("rtc") RtcSection rtc,
        @JsonProperty("keys") Map<String, String> keys,
        @JsonProperty("turn") TurnSection turn,
        @JsonProperty("webhook") WebhookSection webhook,
        @JsonProperty("room") RoomSection room,
        @JsonProperty("prometheus_port") int prometheusPort,
        @JsonProperty("logging") LoggingSection logging,
        @JsonProperty("server") ServerSection server,
        @JsonProperty("database") DatabaseSection database,
        @JsonProperty("auth") AuthSection auth,
        @JsonProperty("livekit") LiveKitSection livekit,
        @JsonProperty("data_dir") String dataDir) {

    /** livekit-server's signaling port. */
    public static final int DEFAULT_PORT = 7880;

    /** Defaults of a production start: listens on all interfaces, no keys (a key is then required). */
    public static OspreyConfig defaults() {
        return new OspreyConfig(DEFAULT_PORT, "0.0.0.0", RtcSection.defaults(), Map.of(), TurnSection.defaults(),
                WebhookSection.defaults(), RoomSection.defaults(), 0, LoggingSection.defaults(),
                ServerSection.defaults(), DatabaseSection.defaults(), AuthSection.defaults(),
                LiveKitSection.defaults(), "data");
    }
}
