package dev.osprey.server.config;

import java.util.Map;

/**
 * What {@code osprey run --dev} uses with no file at all, like {@code livekit-server --dev}: API key
 * {@code devkey} with secret {@code secret}, everything on loopback, SQLite at {@code <data_dir>/osprey.db}, well-known
 * development secrets for Bedrud's API. Never for production: the secrets are public.
 */
public final class DevDefaults {
    public static final String API_KEY = "devkey";
    public static final String API_SECRET = "secret";
    private static final String LOOPBACK = "127.0.0.1";

    private DevDefaults() {
    }

    public static OspreyConfig config() {
        OspreyConfig d = OspreyConfig.defaults();
        RtcSection rtc = d.rtc();
        return new OspreyConfig(d.port(), LOOPBACK,
                new RtcSection(rtc.tcpPort(), rtc.udpPort(), 0, 0, LOOPBACK, false, rtc.consentTimeoutSeconds()),
                Map.of(API_KEY, API_SECRET), d.turn(), d.webhook(), d.room(), 6789, d.logging(),
                new ServerSection(8090, LOOPBACK, true),
                new DatabaseSection("sqlite", "", "localhost", 5432, "", "", "bedrud", "disable"),
                new AuthSection("osprey-dev-jwt-secret-not-for-production-use", "osprey-dev-session-secret",
                        24, "", false, OAuthClientSection.unset(), OAuthClientSection.unset()),
                new LiveKitSection("ws://" + LOOPBACK + ":" + d.port(), "http://" + LOOPBACK + ":" + d.port(),
                        API_KEY, API_SECRET, false),
                d.dataDir());
    }
}
