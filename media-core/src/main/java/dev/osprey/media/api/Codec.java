package dev.osprey.media.api;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One negotiated payload format of a media section (RFC 8866 §6.6 {@code a=rtpmap} plus its {@code a=fmtp} and
 * {@code a=rtcp-fb} lines), already parsed by signaling.
 *
 * @param mimeType    the encoding, e.g. {@link MimeType#VP8}
 * @param payloadType the dynamic or static payload type, 0..127
 * @param clockRateHz RTP clock rate (90000 for video, 48000 for Opus)
 * @param channels    audio channels (2 for Opus), 0 for video
 * @param fmtp        format-specific parameters ({@code apt} for RTX)
 * @param feedback    RTCP feedback the peer accepts for this payload type
 */
public record Codec(MimeType mimeType, int payloadType, int clockRateHz, int channels, FmtpParameters fmtp,
                    Set<RtcpFeedback> feedback) {
    public Codec {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(fmtp, "fmtp");
        feedback = Set.copyOf(feedback);
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, was " + payloadType);
        }
        if (payloadType >= 64 && payloadType <= 95) {
            // RFC 5761 §4: these collide with RTCP packet types once RTP and RTCP share a port.
            throw new IllegalArgumentException("payload type " + payloadType + " collides with RTCP under rtcp-mux");
        }
        if (clockRateHz <= 0 || channels < 0 || channels > 255) {
            throw new IllegalArgumentException("bad clock rate or channel count");
        }
        if (mimeType.isRtx() && fmtp.associatedPayloadType().isEmpty()) {
            throw new IllegalArgumentException("an rtx codec needs apt (RFC 4588 §8.6)");
        }
    }

    /** A codec without fmtp parameters or feedback. */
    public static Codec of(MimeType mimeType, int payloadType, int clockRateHz, int channels) {
        return new Codec(mimeType, payloadType, clockRateHz, channels, FmtpParameters.NONE, Set.of());
    }

    /** The payload type this RTX codec repairs (RFC 4588 §8.6 {@code apt}); empty for other codecs. */
    public OptionalInt associatedPayloadType() {
        return mimeType.isRtx() ? fmtp.associatedPayloadType() : OptionalInt.empty();
    }

    public boolean accepts(RtcpFeedback fb) {
        return feedback.contains(fb);
    }

    public MediaKind kind() {
        return mimeType.kind();
    }
}
