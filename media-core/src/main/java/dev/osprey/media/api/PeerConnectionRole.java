package dev.osprey.media.api;

/** Which of a participant's two peer connections (LiveKit v0 dual PC, livekit-protocol.md §2.2). */
public enum PeerConnectionRole {
    /** The client sends its tracks here; the client offers. */
    PUBLISHER,
    /** Osprey sends the subscribed tracks here; Osprey offers. */
    SUBSCRIBER
}
