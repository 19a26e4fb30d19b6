package dev.osprey.ice;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the ICE-lite agent; the server maps {@code rtc.*} configuration onto it. Defaults follow the specs:
 * media on UDP 7882, ICE-TCP on 7881, consent expires after 30 s without a valid check (RFC 7675 §5.1).
 *
 * @param bindAddress            address the sockets bind to; "0.0.0.0" or "::" for all
 * @param udpPort                the one UDP port every transport shares ({@code rtc.udp_port}); 0 picks a free one
 * @param udpPortRangeStart      with {@code udpPortRangeEnd}: bind every port of this range too and spread
 *                               transports over them; 0 for none
 * @param udpPortRangeEnd        last port of the range (inclusive)
 * @param tcpEnabled             whether ICE-TCP passive candidates are offered
 * @param tcpPort                the ICE-TCP listening port ({@code rtc.tcp_port}); 0 picks a free one
 * @param nodeIps                addresses advertised in candidates ({@code rtc.node_ip}); empty: detect them
 * @param includeIpv6            whether detected IPv6 addresses become candidates
 * @param consentTimeout         a pair without a valid check for this long loses consent (RFC 7675)
 * @param consentSweepInterval   how often pairs are checked for expiry
 * @param tcpAuthTimeout         a TCP connection that sends no valid check within this time is closed
 * @param maxPairsPerTransport   valid pairs kept per transport; the least recently checked one is evicted
 * @param errorResponsesPerSecond budget of 400/401 answers to unauthenticated requests, agent-wide: above it
 *                               such requests are dropped silently, so the agent is no reflector in a flood
 * @param software               SOFTWARE attribute of responses, or empty for none
 */
public record IceSettings(String bindAddress, int udpPort, int udpPortRangeStart, int udpPortRangeEnd,
                          boolean tcpEnabled, int tcpPort, List<String> nodeIps, boolean includeIpv6,
                          Duration consentTimeout, Duration consentSweepInterval, Duration tcpAuthTimeout,
                          int maxPairsPerTransport, int errorResponsesPerSecond, String software) {

    public static final int DEFAULT_UDP_PORT = 7882;
    public static final int DEFAULT_TCP_PORT = 7881;

    public IceSettings {
        requirePort("udpPort", udpPort);
        requirePort("tcpPort", tcpPort);
        requirePort("udpPortRangeStart", udpPortRangeStart);
        requirePort("udpPortRangeEnd", udpPortRangeEnd);
        if (udpPortRangeStart > 0 && (udpPortRangeEnd < udpPortRangeStart || udpPortRangeEnd - udpPortRangeStart > 4096)) {
            throw new IllegalArgumentException("UDP port range must be ordered and at most 4097 ports");
        }
        nodeIps = List.copyOf(nodeIps);
        requirePositive("consentTimeout", consentTimeout);
        requirePositive("consentSweepInterval", consentSweepInterval);
        requirePositive("tcpAuthTimeout", tcpAuthTimeout);
        if (maxPairsPerTransport < 1 || errorResponsesPerSecond < 0) {
            throw new IllegalArgumentException("maxPairsPerTransport must be positive, errorResponsesPerSecond >= 0");
        }
        if (bindAddress == null || software == null) {
            throw new IllegalArgumentException("bindAddress and software must not be null");
        }
    }

    public static IceSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a UDP port range is configured in addition to the shared port. */
    public boolean hasUdpPortRange() {
        return udpPortRangeStart > 0;
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Starts from the defaults. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int udpPort = DEFAULT_UDP_PORT;
        private int udpPortRangeStart;
        private int udpPortRangeEnd;
        private boolean tcpEnabled = true;
        private int tcpPort = DEFAULT_TCP_PORT;
        private List<String> nodeIps = List.of();
        private boolean includeIpv6 = true;
        private Duration consentTimeout = Duration.ofSeconds(30);
        private Duration consentSweepInterval = Duration.ofSeconds(1);
        private Duration tcpAuthTimeout = Duration.ofSeconds(10);
        private int maxPairsPerTransport = 8;
        private int errorResponsesPerSecond = 200;
        private String software = "";

        public Builder bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        public Builder udpPort(int v) {
            udpPort = v;
            return this;
        }

        public Builder udpPortRange(int start, int end) {
            udpPortRangeStart = start;
            udpPortRangeEnd = end;
            return this;
        }

        public Builder tcpEnabled(boolean v) {
            tcpEnabled = v;
            return this;
        }

        public Builder tcpPort(int v) {
            tcpPort = v;
            return this;
        }

        public Builder nodeIps(List<String> v) {
            nodeIps = v;
            return this;
        }

        public Builder includeIpv6(boolean v) {
            includeIpv6 = v;
            return this;
        }

        public Builder consentTimeout(Duration v) {
            consentTimeout = v;
            return this;
        }

        public Builder consentSweepInterval(Duration v) {
            consentSweepInterval = v;
            return this;
        }

        public Builder tcpAuthTimeout(Duration v) {
            tcpAuthTimeout = v;
            return this;
        }

        public Builder maxPairsPerTransport(int v) {
            maxPairsPerTransport = v;
            return this;
        }

        public Builder errorResponsesPerSecond(int v) {
            errorResponsesPerSecond = v;
            return this;
        }

        public Builder software(String v) {
            software = v;
            return this;
        }

        public IceSettings build() {
            return new IceSettings(bindAddress, udpPort, udpPortRangeStart, udpPortRangeEnd, tcpEnabled, tcpPort,
                    nodeIps, includeIpv6, consentTimeout, consentSweepInterval, tcpAuthTimeout, maxPairsPerTransport,
                    errorResponsesPerSecond, software);
        }
    }
}
