package dev.osprey.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code rtc:} — where media flows. {@code udp_port} is the single ICE mux port; a non-zero
 * {@code port_range_start/end} adds a range of ports as livekit-server allows.
 */
public record RtcSection(
        @JsonProperty("tcp_port") int tcpPort,
        @JsonProperty("udp_port") int udpPort,
        @JsonProperty("port_range_start") int portRangeStart,
        @JsonProperty("port_range_end") int portRangeEnd,
        @JsonProperty("node_ip") String nodeIp,
        @JsonProperty("use_external_ip") boolean useExternalIp,
        @JsonProperty("consent_timeout_seconds") int consentTimeoutSeconds) {

    public static RtcSection defaults() {
        return new RtcSection(7881, 7882, 0, 0, "", false, 30);
    }
}
