package dev.osprey.ice;

/** Where a transport stands, as the lite agent sees it. */
public enum IceTransportState {
    /** Registered; no valid check has arrived yet. */
    NEW,
    /** A pair is selected; packets flow. */
    CONNECTED,
    /**
     * Consent lost (RFC 7675 §5.1): no valid check for the consent timeout on any pair. Sending stops; a later
     * valid check, or checks after an ICE restart, bring the transport back.
     */
    DISCONNECTED,
    /** Closed by its owner; terminal. */
    CLOSED
}
