package dev.osprey.turn.api;

import dev.osprey.turn.policy.Cidr;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the embedded TURN relay, the {@code turn:} section of the server configuration (keys in snake case
 * there). The server module maps YAML onto this record; {@link #builder()} starts from the defaults below.
 *
 * @param enabled                    {@code enabled}: whether the server starts the relay at all (default false)
 * @param listenAddress              address the listeners bind (default the wildcard {@code 0.0.0.0})
 * @param relayAddresses             addresses relay sockets bind and advertise in XOR-RELAYED-ADDRESS, at most one
 *                                   per family; empty means the listen address, or the host's first non-loopback
 *                                   IPv4 address when that is the wildcard
 * @param udpPort                    {@code udp_port}: TURN over UDP and TCP (default 3478, 0 disables both)
 * @param tlsPort                    {@code tls_port}: TURN over TLS (default 5349); listens only when a certificate
 *                                   and key are configured, 0 disables it
 * @param certFile                   {@code cert_file}: PEM certificate chain, re-read when it changes
 * @param keyFile                    {@code key_file}: PEM PKCS#8 private key, re-read when it changes
 * @param domain                     {@code domain}: the TLS name clients use (for the {@code turns:} URL)
 * @param realm                      {@code realm}: the long-term credential realm (default {@code osprey})
 * @param users                      {@code users}: static user name to password
 * @param staticAuthSecret           {@code static_auth_secret}: the TURN REST shared secret, if that scheme is on
 * @param liveKitKeys                LiveKit API key to secret, for credentials handed out in JoinResponse
 * @param relayRangeStart            {@code relay_range_start}: first relay port (default 49152)
 * @param relayRangeEnd              {@code relay_range_end}: last relay port (default 65535)
 * @param allowRestrictedPeerCidrs   {@code allow_restricted_peer_cidrs}: loopback/private/link-local/multicast
 *                                   blocks that clients may relay to anyway (default none)
 * @param perUserAllocationLimit     {@code per_user_allocation_limit}: allocations per account, 0 = no limit
 *                                   (default 12, as LiveKit)
 * @param maxAllocations             {@code max_allocations}: allocations server-wide, 0 = no limit (default 10000)
 * @param maxAllocationBytesPerSecond relayed bytes per second per allocation, both directions; 0 = no cap (default)
 * @param maxLifetime                the longest allocation lifetime a client may ask for (default 1 hour)
 * @param nonceLifetime              how long a nonce stays fresh before a 438 (default 10 minutes)
 * @param certReloadInterval         how often the certificate files are checked for changes (default 1 minute)
 */
public record TurnConfig(
        boolean enabled,
        InetAddress listenAddress,
        List<InetAddress> relayAddresses,
        int udpPort,
        int tlsPort,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        String domain,
        String realm,
        Map<String, String> users,
        Optional<String> staticAuthSecret,
        Map<String, String> liveKitKeys,
        int relayRangeStart,
        int relayRangeEnd,
        List<String> allowRestrictedPeerCidrs,
        int perUserAllocationLimit,
        int maxAllocations,
        long maxAllocationBytesPerSecond,
        Duration maxLifetime,
        Duration nonceLifetime,
        Duration certReloadInterval) {

    /** RFC 8656 §7.2: the default allocation lifetime, also the least a client gets. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    public TurnConfig {
        Objects.requireNonNull(listenAddress, "listenAddress");
        relayAddresses = List.copyOf(relayAddresses);
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(domain, "domain");
        users = Map.copyOf(users);
        Objects.requireNonNull(staticAuthSecret, "staticAuthSecret");
        liveKitKeys = Map.copyOf(liveKitKeys);
        allowRestrictedPeerCidrs = List.copyOf(allowRestrictedPeerCidrs);
        requirePort("udp_port", udpPort);
        requirePort("tls_port", tlsPort);
        if (relayRangeStart < 1 || relayRangeEnd > 65535 || relayRangeStart > relayRangeEnd) {
            throw new IllegalArgumentException("turn.relay_range_start/end must be 1 ≤ start ≤ end ≤ 65535, got "
                    + relayRangeStart + "-" + relayRangeEnd);
        }
        if (realm == null || realm.isEmpty()) {
            throw new IllegalArgumentException("turn.realm must not be empty");
        }
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("turn.cert_file and turn.key_file go together");
        }
        if (staticAuthSecret.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("turn.static_auth_secret must not be empty when set");
        }
        if (perUserAllocationLimit < 0 || maxAllocations < 0 || maxAllocationBytesPerSecond < 0) {
            throw new IllegalArgumentException("turn limits must not be negative");
        }
        requirePositive("maxLifetime", maxLifetime);
        requirePositive("nonceLifetime", nonceLifetime);
        requirePositive("certReloadInterval", certReloadInterval);
        if (maxLifetime.compareTo(DEFAULT_LIFETIME) < 0) {
            throw new IllegalArgumentException("turn max lifetime must be at least " + DEFAULT_LIFETIME);
        }
        allowRestrictedPeerCidrs.forEach(Cidr::parse); // fail at start-up, not on the first CreatePermission
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The parsed {@link #allowRestrictedPeerCidrs}. */
    List<Cidr> allowedRestrictedPeers() {
        return allowRestrictedPeerCidrs.stream().map(Cidr::parse).toList();
    }

    /** Whether the TLS listener runs: a port and a certificate. */
    public boolean tlsEnabled() {
        return tlsPort > 0 && certFile.isPresent();
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("turn." + key + " out of range: " + port);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("turn " + name + " must be positive: " + value);
        }
    }

    /** Mutable holder of the settings; {@link #build()} validates them. */
    public static final class Builder {
        private boolean enabled;
        private InetAddress listenAddress = wildcard();
        private List<InetAddress> relayAddresses = List.of();
        private int udpPort = 3478;
        private int tlsPort = 5349;
        private Optional<Path> certFile = Optional.empty();
        private Optional<Path> keyFile = Optional.empty();
        private String domain = "";
        private String realm = "osprey";
        private Map<String, String> users = Map.of();
        private Optional<String> staticAuthSecret = Optional.empty();
        private Map<String, String> liveKitKeys = Map.of();
        private int relayRangeStart = 49152;
        private int relayRangeEnd = 65535;
        private List<String> allowRestrictedPeerCidrs = List.of();
        private int perUserAllocationLimit = 12;
        private int maxAllocations = 10_000;
        private long maxAllocationBytesPerSecond;
        private Duration maxLifetime = Duration.ofHours(1);
        private Duration nonceLifetime = Duration.ofMinutes(10);
        private Duration certReloadInterval = Duration.ofMinutes(1);

        private Builder() {
        }

        private Builder(TurnConfig c) {
            enabled = c.enabled;
            listenAddress = c.listenAddress;
            relayAddresses = c.relayAddresses;
            udpPort = c.udpPort;
            tlsPort = c.tlsPort;
            certFile = c.certFile;
            keyFile = c.keyFile;
            domain = c.domain;
            realm = c.realm;
            users = c.users;
            staticAuthSecret = c.staticAuthSecret;
            liveKitKeys = c.liveKitKeys;
            relayRangeStart = c.relayRangeStart;
            relayRangeEnd = c.relayRangeEnd;
            allowRestrictedPeerCidrs = c.allowRestrictedPeerCidrs;
            perUserAllocationLimit = c.perUserAllocationLimit;
            maxAllocations = c.maxAllocations;
            maxAllocationBytesPerSecond = c.maxAllocationBytesPerSecond;
            maxLifetime = c.maxLifetime;
            nonceLifetime = c.nonceLifetime;
            certReloadInterval = c.certReloadInterval;
        }

        public Builder enabled(boolean value) { enabled = value; return this; }
        public Builder listenAddress(InetAddress value) { listenAddress = value; return this; }
        public Builder relayAddresses(List<InetAddress> value) { relayAddresses = value; return this; }
        public Builder udpPort(int value) { udpPort = value; return this; }
        public Builder tlsPort(int value) { tlsPort = value; return this; }
        public Builder certificate(Path cert, Path key) {
            certFile = Optional.of(cert);
            keyFile = Optional.of(key);
            return this;
        }
        public Builder domain(String value) { domain = value; return this; }
        public Builder realm(String value) { realm = value; return this; }
        public Builder users(Map<String, String> value) { users = value; return this; }
        public Builder staticAuthSecret(String value) { staticAuthSecret = Optional.ofNullable(value); return this; }
        public Builder liveKitKeys(Map<String, String> value) { liveKitKeys = value; return this; }
        public Builder relayRange(int start, int end) { relayRangeStart = start; relayRangeEnd = end; return this; }
        public Builder allowRestrictedPeerCidrs(List<String> value) { allowRestrictedPeerCidrs = value; return this; }
        public Builder perUserAllocationLimit(int value) { perUserAllocationLimit = value; return this; }
        public Builder maxAllocations(int value) { maxAllocations = value; return this; }
        public Builder maxAllocationBytesPerSecond(long value) { maxAllocationBytesPerSecond = value; return this; }
        public Builder maxLifetime(Duration value) { maxLifetime = value; return this; }
        public Builder nonceLifetime(Duration value) { nonceLifetime = value; return this; }
        public Builder certReloadInterval(Duration value) { certReloadInterval = value; return this; }

        public TurnConfig build() {
            return new TurnConfig(enabled, listenAddress, relayAddresses, udpPort, tlsPort, certFile, keyFile, domain,
                    realm, users, staticAuthSecret, liveKitKeys, relayRangeStart, relayRangeEnd,
                    allowRestrictedPeerCidrs, perUserAllocationLimit, maxAllocations, maxAllocationBytesPerSecond,
                    maxLifetime, nonceLifetime, certReloadInterval);
        }

        private static InetAddress wildcard() {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an IPv4 address", e);
            }
        }
    }
}
