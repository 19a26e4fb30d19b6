package dev.osprey.signaling.session;

import dev.osprey.signaling.sdp.negotiation.MediaCapabilities;
import livekit.LivekitRtc.ICEServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What signal sessions tell clients and how long they wait (livekit-protocol.md §2.1, §2.7-§2.9).
 *
 * @param serverVersion   {@code server_info.version}: the livekit-server release whose protocol Osprey speaks;
 *                        clients refuse a server without one and gate features on it (RPC needs 1.8.0)
 * @param debugInfo       {@code server_info.debug_info}: what this server really is (Osprey and its version)
 * @param nodeId          {@code server_info.node_id}
 * @param capabilities    codecs, header extensions and feedback Osprey negotiates
 * @param iceServers      the {@code ice_servers} for a participant sid (Osprey's TURN with LiveKit-style
 *                        credentials when it runs)
 * @param pingInterval    {@code ping_interval}: how often clients ping
 * @param pingTimeout     {@code ping_timeout}: clients give up after this long without any message
 * @param resumeWindow    how long a participant whose signal connection dropped stays in the room, waiting to resume
 * @param tokenRefresh    how often {@code refresh_token} is sent
 * @param tokenTtl        lifetime of a refreshed token
 * @param apiKeys         API key → secret, to re-sign tokens
 */
public record SessionSettings(String serverVersion, String debugInfo, String nodeId,
                              MediaCapabilities capabilities,
                              Function<String, List<ICEServer>> iceServers, Duration pingInterval,
                              Duration pingTimeout, Duration resumeWindow, Duration tokenRefresh, Duration tokenTtl,
                              Map<String, String> apiKeys) {

    public SessionSettings {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(debugInfo, "debugInfo");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(iceServers, "iceServers");
        apiKeys = Map.copyOf(apiKeys);
        if (serverVersion.isEmpty()) {
            throw new IllegalArgumentException("LiveKit clients refuse a server without a version");
        }
        for (Duration d : List.of(pingInterval, pingTimeout, resumeWindow, tokenRefresh, tokenTtl)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("session intervals must be positive");
            }
        }
        if (tokenTtl.compareTo(tokenRefresh) <= 0) {
            throw new IllegalArgumentException("a refreshed token must outlive the refresh interval");
        }
    }

    /**
     * The livekit-server release Osprey's signaling matches feature for feature (protocol 16, RPC and data streams),
     * reported as {@code server_info.version} so clients enable what it supports.
     */
    public static final String LIVEKIT_COMPATIBLE_VERSION = "1.9.0";

    /**
     * LiveKit's values: ping every 5 s, timeout 15 s, refresh every 5 min with 10 min tokens; 15 s to resume.
     *
     * @param ospreyVersion reported in {@code server_info.debug_info}
     */
    public static SessionSettings defaults(String ospreyVersion, String nodeId, Map<String, String> apiKeys,
                                           Function<String, List<ICEServer>> iceServers) {
        return new SessionSettings(LIVEKIT_COMPATIBLE_VERSION, "Osprey " + ospreyVersion, nodeId,
                MediaCapabilities.liveKitDefaults(), iceServers,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofMinutes(5),
                Duration.ofMinutes(10), apiKeys);
    }
}
