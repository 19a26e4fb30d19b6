package dev.osprey.sctp;

/**
 * Why an association ended.
 *
 * @param kind   the category
 * @param detail a human-readable detail for logs (never contains peer-controlled bytes beyond a short reason)
 */
public record CloseReason(Kind kind, String detail) {

    /** How the association ended. */
    public enum Kind {
        /** SHUTDOWN sequence completed (RFC 9260 §9.2). */
        SHUTDOWN,
        /** We aborted (user request or protocol violation). */
        LOCAL_ABORT,
        /** The peer sent ABORT. */
        PEER_ABORT,
        /** INIT, COOKIE ECHO, data or heartbeats went unanswered too often (RFC 9260 §8.1). */
        TIMEOUT
    }
}
