package dev.osprey.sctp;

/** The association states of RFC 9260 §4. */
public enum AssociationState {
    CLOSED,
    COOKIE_WAIT,
    COOKIE_ECHOED,
    ESTABLISHED,
    SHUTDOWN_PENDING,
    SHUTDOWN_SENT,
    SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT;

    /** States in which DATA may be received and acknowledged. */
    public boolean acceptsData() {
        return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_SENT;
    }

    public boolean shuttingDown() {
        return ordinal() >= SHUTDOWN_PENDING.ordinal();
    }
}
