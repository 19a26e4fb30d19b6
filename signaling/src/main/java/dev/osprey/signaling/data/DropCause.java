package dev.osprey.signaling.data;

import dev.osprey.media.api.DataDropReason;

import java.util.Locale;

/** Why a data message was not delivered: the {@code reason} tag of {@code osprey.signaling.data.dropped}. */
enum DropCause {
    /** Not a DataPacket. */
    MALFORMED,
    /** The sender's permission lacks canPublishData. */
    NOT_PERMITTED,
    /** A packet with no value at all: nothing to deliver. */
    EMPTY,
    /** A kind only the server sends (the deprecated speaker update). */
    SERVER_ONLY,
    /** On the {@code _data_track} channel: data tracks are not DataPackets and are not relayed. */
    DATA_TRACK,
    /** A reliable packet whose sequence number the sender already used (a resend after resume). */
    DUPLICATE,
    /** No participant but the sender matched its destinations. */
    NO_RECIPIENT,
    /** The server sent to a room that does not exist. */
    NO_ROOM,
    /** Toward a participant: its lossy buffer was full. */
    BUFFER_FULL,
    /** Toward a participant: no open channel of that kind (lossy). */
    NO_CHANNEL,
    /** Toward a participant: larger than its max-message-size. */
    TOO_LARGE,
    /** Toward a participant that left. */
    CLOSED,
    /** Toward a participant whose reliable queue overflowed (it is disconnected). */
    OVERFLOW;

    private final String tag = name().toLowerCase(Locale.ROOT);

    String tag() {
        return tag;
    }

    static DropCause of(DataDropReason reason) {
        return switch (reason) {
            case BUFFER_FULL -> BUFFER_FULL;
            case NO_CHANNEL -> NO_CHANNEL;
            case TOO_LARGE -> TOO_LARGE;
            case CLOSED -> CLOSED;
            case OVERFLOW -> OVERFLOW;
        };
    }
}
