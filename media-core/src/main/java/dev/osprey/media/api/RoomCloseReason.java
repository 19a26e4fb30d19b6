package dev.osprey.media.api;

/** Why a room finished. */
public enum RoomCloseReason {
    /** Deleted explicitly (server API or administrator). */
    DELETED,
    /** Nobody joined within {@code emptyTimeoutSeconds} of its creation. */
    EMPTY_TIMEOUT,
    /** The last participant left {@code departureTimeoutSeconds} ago and nobody came back. */
    DEPARTURE_TIMEOUT,
    /** The server shut down. */
    SERVER_SHUTDOWN
}
