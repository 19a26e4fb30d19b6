package dev.osprey.turn.api;

import dev.osprey.turn.auth.LiveKitCredentials;
import dev.osprey.turn.auth.TurnRestCredentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues credentials that this relay accepts, for the signaling layer to hand to clients, and the TURN URLs that go
 * with them. Pure functions: nothing is stored, the relay recomputes the password when the client authenticates.
 */
public final class TurnCredentials {
    private TurnCredentials() {
    }

    /**
     * The LiveKit scheme (livekit-protocol.md §8): what a LiveKit server puts in JoinResponse {@code ice_servers} for
     * participant {@code participantSid}; the relay accepts it while {@code apiKey} is in
     * {@link TurnConfig#liveKitKeys()} with this secret.
     */
    public static TurnCredential liveKit(String apiKey, String apiSecret, String participantSid, Instant expiresAt) {
        if (apiKey.contains("|") || participantSid.contains("|")) {
            throw new IllegalArgumentException("API keys and participant ids must not contain '|'");
        }
        long expiry = expiresAt.getEpochSecond();
        return new TurnCredential(LiveKitCredentials.username(apiKey, participantSid, expiry),
                LiveKitCredentials.password(apiSecret, participantSid, expiry), Instant.ofEpochSecond(expiry));
    }

    /**
     * The TURN REST scheme: {@code username = "<expiry>:<userId>"}, {@code password =
     * base64(HMAC-SHA1(sharedSecret, username))}; accepted while {@code sharedSecret} is
     * {@link TurnConfig#staticAuthSecret()}. Also what coturn accepts with {@code --static-auth-secret}.
     */
    public static TurnCredential rest(String sharedSecret, String userId, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        String username = expiry + ":" + userId;
        return new TurnCredential(username, new TurnRestCredentials(sharedSecret).password(username),
                Instant.ofEpochSecond(expiry));
    }

    /**
     * The URLs of this relay as LiveKit lists them: {@code turn:<host>:<udp_port>?transport=udp} when UDP is on, and
     * {@code turns:<domain>:<tls_port>?transport=tcp} when TLS is on. {@code host} is the address clients reach.
     */
    public static List<String> urls(TurnConfig config, String host) {
        List<String> urls = new ArrayList<>(2);
        if (config.udpPort() > 0) {
            urls.add("turn:" + hostPart(host) + ":" + config.udpPort() + "?transport=udp");
        }
        if (config.tlsEnabled()) {
            String name = config.domain().isEmpty() ? hostPart(host) : config.domain();
            urls.add("turns:" + name + ":" + config.tlsPort() + "?transport=tcp");
        }
        return List.copyOf(urls);
    }

    private static String hostPart(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
