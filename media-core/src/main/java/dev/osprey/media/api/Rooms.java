package dev.osprey.media.api;

import java.util.List;
import java.util.Optional;

/**
 * The room registry as signaling and the server API see it. Thread-safe; every method is on the control path.
 */
public interface Rooms {
    /**
     * Creates a room, or returns the existing one with that name (LiveKit CreateRoom is idempotent).
     */
    RoomInfo create(RoomName name, RoomSettings settings, String metadata);

    /** The live room named {@code name}. */
    Optional<RoomInfo> find(RoomName name);

    /** Every live room. */
    List<RoomInfo> list();

    /** Participants of a live room (hidden ones included). */
    List<ParticipantInfo> participants(RoomName name);

    /**
     * Closes a room: every participant leaves with {@link DisconnectReason#ROOM_DELETED}. Returns {@code false}
     * when there was no such room.
     */
    boolean delete(RoomName name, RoomCloseReason reason);

    /**
     * Admits a participant, creating the room when auto-create is on. A participant with the same identity is
     * replaced ({@link DisconnectReason#DUPLICATE_IDENTITY}).
     *
     * @throws RoomException {@link RoomException.Reason#ROOM_NOT_FOUND} or {@link RoomException.Reason#ROOM_FULL}
     */
    ParticipantSession join(RoomName room, JoinRequest request, SubscriptionListener subscriptions);

    /** The session of a participant still in a room (for resume and the server API). */
    Optional<ParticipantSession> session(RoomName room, ParticipantIdentity identity);

    /** Sets a room's metadata. */
    Optional<RoomInfo> updateMetadata(RoomName name, String metadata);
}
