package dev.osprey.media.api;

/** Lifecycle of a participant, as LiveKit's ParticipantInfo.State names it (livekit-protocol.md §2.1). */
public enum ParticipantState {
    /** Admitted to the room; the join response is not yet delivered. */
    JOINING,
    /** The join response was delivered; no peer connection is up yet. */
    JOINED,
    /** A peer connection is connected: media can flow. */
    ACTIVE,
    /** Gone; the final state. */
    DISCONNECTED
}
