package dev.osprey.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks what a type cannot: port ranges, addresses, enumerations and the keys that depend on each other. */
final class ConfigValidator {
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
    private static final Set<String> DATABASE_TYPES = Set.of("sqlite", "postgres", "postgresql");

    private final boolean dev;
    private final List<ConfigError> errors = new ArrayList<>();

    ConfigValidator(boolean dev) {
        this.dev = dev;
    }

    List<ConfigError> validate(OspreyConfig c) {
        port("port", c.port(), false);
        address("bind_address", c.bindAddress(), false);
        rtc(c.rtc());
        keys(c);
        turn(c.turn());
        port("prometheus_port", c.prometheusPort(), true);
        room(c.room());
        oneOf("logging.level", c.logging().level(), LOG_LEVELS);
        port("server.port", c.server().port(), false);
        database(c.database());
        bedrud(c);
        return List.copyOf(errors);
    }

    private void rtc(RtcSection rtc) {
        port("rtc.tcp_port", rtc.tcpPort(), true);
        port("rtc.udp_port", rtc.udpPort(), true);
        range("rtc.port_range_start", rtc.portRangeStart(), rtc.portRangeEnd(), true);
        address("rtc.node_ip", rtc.nodeIp(), true);
        if (rtc.udpPort() == 0 && rtc.portRangeStart() == 0) {
            fail("rtc.udp_port", "a UDP port or rtc.port_range_start/end is needed for media");
        }
        positive("rtc.consent_timeout_seconds", rtc.consentTimeoutSeconds());
    }

    private void keys(OspreyConfig c) {
        if (c.keys().isEmpty() && !dev) {
            fail("keys", "at least one 'apiKey: secret' pair is needed (or start with --dev)");
        }
        c.keys().forEach((key, secret) -> {
            if (key.isBlank() || secret == null || secret.isBlank()) {
                fail("keys." + key, "expected 'apiKey: secret' with a non-empty secret");
            }
        });
        for (String url : c.webhook().urls()) {
            httpUrl("webhook.urls", url);
        }
        if (!c.webhook().urls().isEmpty() && !c.keys().containsKey(c.webhook().apiKey())) {
            fail("webhook.api_key", "must name one of the keys (webhooks are signed with its secret)");
        }
    }

    private void turn(TurnSection t) {
        if (!t.enabled()) {
            return;
        }
        port("turn.udp_port", t.udpPort(), true);
        port("turn.tls_port", t.tlsPort(), true);
        range("turn.relay_range_start", t.relayRangeStart(), t.relayRangeEnd(), false);
        if (t.realm().isBlank()) {
            fail("turn.realm", "must not be empty");
        }
        if (t.certFile().isBlank() != t.keyFile().isBlank()) {
            fail(t.certFile().isBlank() ? "turn.cert_file" : "turn.key_file", "cert_file and key_file go together");
        }
        for (String cidr : t.allowRestrictedPeerCidrs()) {
            cidr("turn.allow_restricted_peer_cidrs", cidr);
        }
        positive("turn.per_user_allocation_limit", t.perUserAllocationLimit());
        positive("turn.max_allocations", t.maxAllocations());
        positive("turn.ttl_seconds", t.ttlSeconds());
    }

    private void room(RoomSection r) {
        notNegative("room.empty_timeout", r.emptyTimeout());
        notNegative("room.departure_timeout", r.departureTimeout());
        notNegative("room.max_participants", r.maxParticipants());
    }

    private void database(DatabaseSection d) {
        oneOf("database.type", d.type(), DATABASE_TYPES);
        if (!"sqlite".equals(d.type())) {
            port("database.port", d.port(), false);
            if (d.host().isBlank() || d.name().isBlank()) {
                fail("database.host", "PostgreSQL needs database.host and database.name");
            }
        }
    }

    private void bedrud(OspreyConfig c) {
        if (!c.server().enabled()) {
            return;
        }
        address("server.host", c.server().host(), false);
        if (c.auth().jwtSecret().length() < 32 && !dev) {
            fail("auth.jwtSecret", "at least 32 characters are needed to sign Bedrud sessions");
        }
        positive("auth.tokenDuration", c.auth().tokenDuration());
        LiveKitSection lk = c.livekit();
        if (lk.external() && (lk.internalHost().isBlank() || lk.apiKey().isBlank() || lk.apiSecret().isBlank())) {
            fail("livekit.internalHost", "external mode needs livekit.internalHost, apiKey and apiSecret");
        }
        if (!lk.internalHost().isBlank()) {
            httpUrl("livekit.internalHost", lk.internalHost());
        }
    }

    private void port(String key, int value, boolean zeroDisables) {
        if (value < (zeroDisables ? 0 : 1) || value > 65535) {
            fail(key, "expected a port number 1-65535" + (zeroDisables ? " (or 0 to disable)" : "") + ", got " + value);
        }
    }

    private void range(String startKey, int start, int end, boolean zeroDisables) {
        if (zeroDisables && start == 0 && end == 0) {
            return;
        }
        if (start < 1024 || end > 65535 || start > end) {
            fail(startKey, "expected a range of ports 1024-65535 with start <= end, got " + start + "-" + end);
        }
    }

    private void address(String key, String value, boolean emptyAllowed) {
        if (value.isEmpty() && emptyAllowed) {
            return;
        }
        if (!isIpLiteral(value)) {
            fail(key, "expected an IPv4 or IPv6 address, got '" + value + "'");
        }
    }

    private void cidr(String key, String value) {
        int slash = value.indexOf('/');
        boolean ok = slash > 0 && isIpLiteral(value.substring(0, slash)) && value.substring(slash + 1).matches("\\d{1,3}");
        if (!ok) {
            fail(key, "expected CIDR notation such as 127.0.0.0/8, got '" + value + "'");
        }
    }

    private void httpUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                fail(key, "expected an http(s) URL, got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            fail(key, "expected an http(s) URL, got '" + value + "'");
        }
    }

    private void oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            fail(key, "expected one of " + allowed.stream().sorted().toList() + ", got '" + value + "'");
        }
    }

    private void positive(String key, int value) {
        if (value <= 0) {
            fail(key, "expected a number above 0, got " + value);
        }
    }

    private void notNegative(String key, int value) {
        if (value < 0) {
            fail(key, "expected 0 or more, got " + value);
        }
    }

    private static boolean isIpLiteral(String value) {
        if (value.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!value.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(value); // an IPv6 literal: parsed, never looked up in DNS
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private void fail(String key, String message) {
        errors.add(new ConfigError(key, message));
    }
}
