package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** {@code turn:} — the embedded RFC 8656 relay (off unless enabled). */
public record TurnSection(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("udp_port") int udpPort,
        @JsonProperty("tls_port") int tlsPort,
        @JsonProperty("domain") String domain,
        @JsonProperty("cert_file") String certFile,
        @JsonProperty("key_file") String keyFile,
        @JsonProperty("realm") String realm,
        @JsonProperty("relay_range_start") int relayRangeStart,
        @JsonProperty("relay_range_end") int relayRangeEnd,
        @JsonProperty("users") Map<String, String> users,
        @JsonProperty("static_auth_secret") String staticAuthSecret,
        @JsonProperty("allow_restricted_peer_cidrs") List<String> allowRestrictedPeerCidrs,
        @JsonProperty("per_user_allocation_limit") int perUserAllocationLimit,
        @JsonProperty("max_allocations") int maxAllocations,
        @JsonProperty("ttl_seconds") int ttlSeconds) {

    public static TurnSection defaults() {
        return new TurnSection(false, 3478, 5349, "", "", "", "osprey", 30000, 40000, Map.of(), "", List.of(),
                12, 10000, 300);
    }
}
