package dev.osprey.signaling.auth;

import livekit.LivekitModels;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.TrackSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code video} claim of a LiveKit access token: room-level grants and the in-room permissions. The in-room
 * permissions are tri-state ({@code null} = not in the token) because their defaults differ: publish and subscribe
 * default to allowed, data publishing defaults to the publish permission, metadata updates to denied.
 *
 * @param canPublishSources lowercase {@code TrackSource} names; when non-empty only these may be published
 */
public record VideoGrant(boolean roomCreate, boolean roomList, boolean roomRecord, boolean roomAdmin,
                         boolean roomJoin, String room, Boolean canPublish, Boolean canSubscribe,
                         Boolean canPublishData, List<String> canPublishSources, Boolean canUpdateOwnMetadata,
                         boolean ingressAdmin, boolean hidden, boolean recorder, boolean agent,
                         Boolean canSubscribeMetrics, Boolean canManageAgentSession, String destinationRoom) {

    public VideoGrant {
        room = room == null ? "" : room;
        destinationRoom = destinationRoom == null ? "" : destinationRoom;
        canPublishSources = canPublishSources == null ? List.of() : List.copyOf(canPublishSources);
    }

    static VideoGrant fromClaim(Map<String, ?> claim) throws AccessTokenException {
        ClaimsReader video = new ClaimsReader(claim, "video.");
        return new VideoGrant(video.flag("roomCreate"), video.flag("roomList"), video.flag("roomRecord"),
                video.flag("roomAdmin"), video.flag("roomJoin"), video.string("room"),
                video.optionalBoolean("canPublish"), video.optionalBoolean("canSubscribe"),
                video.optionalBoolean("canPublishData"), video.strings("canPublishSources"),
                video.optionalBoolean("canUpdateOwnMetadata"), video.flag("ingressAdmin"), video.flag("hidden"),
                video.flag("recorder"), video.flag("agent"), video.optionalBoolean("canSubscribeMetrics"),
                video.optionalBoolean("canManageAgentSession"), video.string("destinationRoom"));
    }

    public boolean effectiveCanPublish() {
        return canPublish == null || canPublish;
    }

    public boolean effectiveCanSubscribe() {
        return canSubscribe == null || canSubscribe;
    }

    public boolean effectiveCanPublishData() {
        return canPublishData == null ? effectiveCanPublish() : canPublishData;
    }

    public boolean effectiveCanUpdateOwnMetadata() {
        return Boolean.TRUE.equals(canUpdateOwnMetadata);
    }

    /** Sources named in {@code canPublishSources}; a name LiveKit does not know maps to {@code UNKNOWN}. */
    public List<TrackSource> publishSources() {
        List<TrackSource> sources = new ArrayList<>(canPublishSources.size());
        for (String name : canPublishSources) {
            sources.add(sourceOf(name));
        }
        return sources;
    }

    /** Whether a track of this source may be published: needs the publish permission and, if listed, the source. */
    public boolean canPublishSource(TrackSource source) {
        return effectiveCanPublish() && (canPublishSources.isEmpty() || publishSources().contains(source));
    }

    /**
     * The permission LiveKit puts into {@code ParticipantInfo.permission} for these grants; {@code recorder} and
     * {@code agent} are deprecated in the protocol but still carried, as LiveKit does.
     */
    @SuppressWarnings("deprecation")
    public ParticipantPermission toPermission() {
        return ParticipantPermission.newBuilder()
                .setCanPublish(effectiveCanPublish())
                .setCanSubscribe(effectiveCanSubscribe())
                .setCanPublishData(effectiveCanPublishData())
                .addAllCanPublishSources(publishSources())
                .setCanUpdateMetadata(effectiveCanUpdateOwnMetadata())
                .setHidden(hidden)
                .setRecorder(recorder)
                .setAgent(agent)
                .setCanSubscribeMetrics(Boolean.TRUE.equals(canSubscribeMetrics))
                .setCanManageAgentSession(Boolean.TRUE.equals(canManageAgentSession))
                .build();
    }

    private static TrackSource sourceOf(String name) {
        try {
            TrackSource source = TrackSource.valueOf(name.toUpperCase(Locale.ROOT));
            return source == TrackSource.UNRECOGNIZED ? TrackSource.UNKNOWN : source;
        } catch (IllegalArgumentException unknown) {
            return LivekitModels.TrackSource.UNKNOWN;
        }
    }
}
