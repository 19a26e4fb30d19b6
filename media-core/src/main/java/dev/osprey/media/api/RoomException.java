package dev.osprey.media.api;

import java.util.Objects;

/** A room operation that cannot be done, with a typed reason signaling maps to its own error responses. */
public class RoomException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** The room does not exist and auto-create is off. */
        ROOM_NOT_FOUND,
        /** {@code maxParticipants} reached. */
        ROOM_FULL,
        /** The room is closing or closed. */
        ROOM_CLOSED,
        /** The participant's permission does not allow it. */
        PERMISSION_DENIED,
        /** No such track. */
        TRACK_NOT_FOUND,
        /** No such participant, or it already left. */
        PARTICIPANT_NOT_FOUND,
        /** The request contradicts the current state (e.g. the same client track published twice). */
        INVALID_REQUEST
    }

    private final Reason reason;

    public RoomException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
