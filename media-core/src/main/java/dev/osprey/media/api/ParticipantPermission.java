package dev.osprey.media.api;

import java.util.Set;

/**
 * What a participant may do in its room: the {@code video} grant of its access token mapped to types
 * (livekit-protocol.md §2.1, §5).
 *
 * @param canSubscribe      may receive others' tracks
 * @param canPublish        may publish tracks
 * @param canPublishData    may send data packets
 * @param canPublishSources the sources it may publish; empty means every source
 * @param hidden            invisible to the other participants
 * @param canUpdateMetadata may change its own name, metadata and attributes
 */
public record ParticipantPermission(boolean canSubscribe, boolean canPublish, boolean canPublishData,
                                    Set<TrackSource> canPublishSources, boolean hidden, boolean canUpdateMetadata) {
    /** LiveKit's defaults: subscribe, publish and publish data; nothing else. */
    public static final ParticipantPermission DEFAULT =
            new ParticipantPermission(true, true, true, Set.of(), false, false);

    public ParticipantPermission {
        canPublishSources = Set.copyOf(canPublishSources);
    }

    /** Whether a track from {@code source} may be published. */
    public boolean allowsPublishing(TrackSource source) {
        return canPublish && (canPublishSources.isEmpty() || canPublishSources.contains(source));
    }
}
