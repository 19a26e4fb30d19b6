package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.RtcpFb;

import java.util.List;
import java.util.Objects;

/**
 * A codec both sides agreed on for one media section: the offerer's payload type and fmtp, the RTX payload type
 * paired with it by {@code apt} (RFC 4588 §8.6), and the RTCP feedback both sides support (RFC 4585 §4.2).
 *
 * @param rtxPayloadType the RTX payload type, or {@link #NO_RTX}
 * @param feedback       feedback with this codec's payload type
 */
public record NegotiatedCodec(int payloadType, RtpCodec codec, int rtxPayloadType, List<RtcpFb> feedback) {

    public static final int NO_RTX = -1;

    public NegotiatedCodec {
        Objects.requireNonNull(codec, "codec");
        feedback = List.copyOf(feedback);
    }

    public boolean hasRtx() {
        return rtxPayloadType != NO_RTX;
    }

    /** Whether the feedback includes {@code type} (and {@code parameter}, or none when null). */
    public boolean hasFeedback(String type, String parameter) {
        return feedback.stream().anyMatch(f -> f.sameFeedbackAs(new RtcpFb(RtcpFb.WILDCARD, type, parameter)));
    }
}
