package dev.osprey.media.api;

/** Why a participant left its room (the subset of LiveKit's DisconnectReason an SFU itself produces). */
public enum DisconnectReason {
    /** The client sent leave. */
    CLIENT_INITIATED,
    /** Another session joined with the same identity. */
    DUPLICATE_IDENTITY,
    /** The server is shutting down. */
    SERVER_SHUTDOWN,
    /** Removed through the server API. */
    PARTICIPANT_REMOVED,
    /** The room was deleted through the server API. */
    ROOM_DELETED,
    /** The room closed for another reason (timeouts). */
    ROOM_CLOSED,
    /** Resume was impossible: the server no longer knows the session. */
    STATE_MISMATCH,
    /** The signal connection closed and was not resumed in time. */
    SIGNAL_CLOSE,
    /** The peer connection did not connect or lost connectivity. */
    CONNECTION_TIMEOUT,
    /** Joining failed after the participant was admitted. */
    JOIN_FAILURE,
    /** A media or data stream toward it failed: e.g. reliable data for it piled up past its limit. */
    MEDIA_FAILURE
}
