package dev.osprey.server;

import dev.osprey.server.config.OspreyConfig;
import dev.osprey.turn.api.TurnConfig;
import dev.osprey.turn.api.TurnCredential;
import dev.osprey.turn.api.TurnCredentials;
import livekit.LivekitRtc.ICEServer;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code ice_servers} of a JoinResponse (livekit-protocol.md §2.1, §8): when Osprey's own TURN relay runs, its
 * URLs with LiveKit-style credentials for the participant (the relay accepts them while the API key is configured);
 * otherwise none, and clients use the candidates in the SDP.
 */
final class IceServers implements Function<String, List<ICEServer>> {
    /** LiveKit hands out TURN credentials valid for a day. */
    private static final Duration CREDENTIAL_TTL = Duration.ofHours(24);

    private final List<String> urls;
    private final Map.Entry<String, String> key;
    private final Clock clock;

    private IceServers(List<String> urls, Map.Entry<String, String> key, Clock clock) {
        this.urls = List.copyOf(urls);
        this.key = key;
        this.clock = clock;
    }

    static IceServers of(OspreyConfig config, Clock clock) throws UnknownHostException {
        if (!config.turn().enabled() || config.keys().isEmpty()) {
            return new IceServers(List.of(), null, clock);
        }
        TurnConfig turn = TurnService.settings(config);
        String host = !config.rtc().nodeIp().isBlank() ? config.rtc().nodeIp() : config.bindAddress();
        Map.Entry<String, String> first = config.keys().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).findFirst().orElseThrow();
        return new IceServers(TurnCredentials.urls(turn, host), first, clock);
    }

    @Override
    public List<ICEServer> apply(String participantSid) {
        if (urls.isEmpty()) {
            return List.of();
        }
        TurnCredential credential = TurnCredentials.liveKit(key.getKey(), key.getValue(), participantSid,
                clock.instant().plus(CREDENTIAL_TTL));
        return List.of(ICEServer.newBuilder().addAllUrls(urls).setUsername(credential.username())
                .setCredential(credential.password()).build());
    }
}
