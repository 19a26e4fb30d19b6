package dev.osprey.signaling.sdp.negotiation;

import java.util.Objects;

/**
 * A codec the server has enabled, with the payload type it uses when it writes offers (LiveKit's table,
 * livekit-protocol.md §4). In answers the offerer's payload type wins.
 */
public record CodecCapability(int payloadType, RtpCodec codec) {

    public CodecCapability {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        Objects.requireNonNull(codec, "codec");
    }
}
