package dev.osprey.media.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a participant (LiveKit ParticipantInfo, livekit-protocol.md §2.1, §2.8). Every change produces a
 * snapshot with a higher {@code version}: clients ignore updates whose version is not newer than what they hold.
 *
 * @param id             the participant's sid ({@code PA_…})
 * @param identity       the application's identity
 * @param name           display name, empty when none
 * @param metadata       application metadata, empty when none
 * @param attributes     application attributes
 * @param state          lifecycle state
 * @param permission     what it may do
 * @param version        strictly increasing per participant
 * @param joinedAtMillis wall-clock join time, ms since the Unix epoch
 * @param tracks         its published tracks
 */
public record ParticipantInfo(ParticipantId id, ParticipantIdentity identity, String name, String metadata,
                              Map<String, String> attributes, ParticipantState state,
                              ParticipantPermission permission, long version, long joinedAtMillis,
                              List<TrackInfo> tracks) {
    public ParticipantInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(permission, "permission");
        attributes = Map.copyOf(attributes);
        tracks = List.copyOf(tracks);
    }

    /** Whether it publishes at least one track. */
    public boolean isPublisher() {
        return !tracks.isEmpty();
    }
}
