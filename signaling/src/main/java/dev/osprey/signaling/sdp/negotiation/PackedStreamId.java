package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Msid;

import java.util.Objects;
import java.util.Optional;

/**
 * LiveKit's "packed" MediaStream id, {@code <participant sid>|<stream>} (livekit-protocol.md §2.3,
 * {@code PackSyncStreamID}): the client splits the {@code a=msid} stream id on {@code |} to find the publishing
 * participant. The stream is the track sid unless the publisher named one in {@code AddTrackRequest.stream}.
 */
public record PackedStreamId(String participantSid, String stream) {

    public PackedStreamId {
        Objects.requireNonNull(participantSid, "participantSid");
        Objects.requireNonNull(stream, "stream");
        if (participantSid.isEmpty() || participantSid.indexOf('|') >= 0) {
            throw new IllegalArgumentException("participant sid must be non-empty without '|'");
        }
    }

    /** Splits at the first {@code |}; empty when there is none (not a LiveKit-packed id). */
    public static Optional<PackedStreamId> parse(String streamId) {
        int bar = streamId.indexOf('|');
        if (bar <= 0 || bar == streamId.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new PackedStreamId(streamId.substring(0, bar), streamId.substring(bar + 1)));
    }

    /** {@code a=msid:PA_x|TR_y TR_y} for a subscribed track without an explicit stream. */
    public static Msid msid(String participantSid, String trackSid) {
        return new PackedStreamId(participantSid, trackSid).msid(trackSid);
    }

    /** {@code a=msid:<this> <trackSid>}. */
    public Msid msid(String trackSid) {
        return new Msid(toString(), trackSid);
    }

    @Override
    public String toString() {
        return participantSid + '|' + stream;
    }
}
