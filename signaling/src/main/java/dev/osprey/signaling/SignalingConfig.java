package dev.osprey.signaling;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of the LiveKit-compatible signaling port (the WebSocket {@code /rtc} endpoint and its HTTP neighbours).
 *
 * @param bindAddress     address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port            TCP port (LiveKit's default is 7880); 0 picks a free port
 * @param apiKeys         API key → API secret; the token's {@code iss} selects the secret
 * @param autoCreateRooms whether a join may name a room that does not exist yet (LiveKit {@code room.auto_create})
 * @param maxMessageBytes largest signal message accepted after reassembly and decompression
 *                        (LiveKit {@code limit.signal_message_size_limit}, default {@link #DEFAULT_MAX_MESSAGE_BYTES})
 */
public record SignalingConfig(String bindAddress, int port, Map<String, String> apiKeys,
                              boolean autoCreateRooms, int maxMessageBytes) {

    /** LiveKit's default signal message size limit: 2 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 2 << 20;

    public SignalingConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(apiKeys, "apiKeys");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        }
        apiKeys.forEach((key, secret) -> {
            if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("API keys and secrets must be non-empty");
            }
        });
        apiKeys = Map.copyOf(apiKeys);
    }

    /** The configuration {@code livekit-server --dev} uses: key {@code devkey}, secret {@code secret}, loopback. */
    public static SignalingConfig dev(int port) {
        return new SignalingConfig("127.0.0.1", port, Map.of("devkey", "secret"), true, DEFAULT_MAX_MESSAGE_BYTES);
    }
}
