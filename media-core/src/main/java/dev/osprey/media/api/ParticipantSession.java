package dev.osprey.media.api;

import java.util.Map;
import java.util.Optional;

/**
 * One participant's handle on its room: what signaling calls for the control messages of its session. The media
 * roles are split out: {@link #publisher()} for its own tracks and {@link #subscriber()} for others'.
 */
public interface ParticipantSession {
    /** The current snapshot. */
    ParticipantInfo info();

    /** The room it is in. */
    RoomInfo room();

    /** Publishing its own tracks. */
    TrackPublisher publisher();

    /** Receiving other participants' tracks. */
    TrackSubscriber subscriber();

    /** Its peer connections' transports. */
    ParticipantTransports transports();

    /** Its data channels: messages it sends, and sending messages to it. */
    ParticipantData data();

    /** JOINING → JOINED (join response delivered) → ACTIVE (peer connection up); never backwards. */
    void advanceState(ParticipantState state);

    /**
     * Changes name, metadata or attributes ({@code null} keeps a value; an attribute with an empty value is deleted,
     * as in LiveKit). Returns the new snapshot, or empty when the permission does not allow it.
     */
    Optional<ParticipantInfo> updateMetadata(String name, String metadata, Map<String, String> attributes);

    /**
     * The server API's change of name, metadata or attributes: as {@link #updateMetadata}, but regardless of the
     * participant's own {@code canUpdateMetadata}. Empty when it already left.
     */
    Optional<ParticipantInfo> updateMetadataAsServer(String name, String metadata, Map<String, String> attributes);

    /** Replaces the permission (server API); losing canSubscribe ends subscriptions, losing canPublish unpublishes. */
    ParticipantInfo updatePermission(ParticipantPermission permission);

    /** Leaves the room; idempotent. */
    void leave(DisconnectReason reason);

    /** Whether it already left. */
    boolean isClosed();
}
