package dev.osprey.media.api;

/** Why a data message toward a participant was not handed to its data channels. */
public enum DataDropReason {
    /** Lossy: the buffer toward the participant holds as much as its limit allows. */
    BUFFER_FULL,
    /** Lossy: no data channel of that kind is open toward the participant. */
    NO_CHANNEL,
    /** Larger than the participant's {@code a=max-message-size} (RFC 8841 §6). */
    TOO_LARGE,
    /** The participant left (or is leaving) the room. */
    CLOSED,
    /** Reliable: the queue toward the participant passed its limit, so it is disconnected. */
    OVERFLOW
}
