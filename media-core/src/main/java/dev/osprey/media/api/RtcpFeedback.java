package dev.osprey.media.api;

import java.util.Objects;

/**
 * One {@code a=rtcp-fb} capability of a payload type (RFC 4585 §4.2): a type such as {@code nack} or {@code ccm} and an
 * optional parameter such as {@code pli} or {@code fir}. An open value: unknown types are kept and simply not acted on.
 *
 * @param type      feedback type, e.g. {@code nack}, {@code ccm}, {@code goog-remb}, {@code transport-cc}
 * @param parameter feedback parameter, empty when none
 */
public record RtcpFeedback(String type, String parameter) {
    /** RFC 4585 §4.2 generic NACK. */
    public static final RtcpFeedback NACK = new RtcpFeedback("nack", "");
    /** RFC 4585 §4.2 picture loss indication. */
    public static final RtcpFeedback NACK_PLI = new RtcpFeedback("nack", "pli");
    /** RFC 5104 §7.1 full intra request. */
    public static final RtcpFeedback CCM_FIR = new RtcpFeedback("ccm", "fir");
    /** draft-alvestrand-rmcat-remb receiver estimated maximum bitrate. */
    public static final RtcpFeedback GOOG_REMB = new RtcpFeedback("goog-remb", "");
    /** draft-holmer-rmcat-transport-wide-cc-extensions transport-wide congestion control feedback. */
    public static final RtcpFeedback TRANSPORT_CC = new RtcpFeedback("transport-cc", "");

    public RtcpFeedback {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parameter, "parameter");
        if (type.isBlank()) {
            throw new IllegalArgumentException("empty RTCP feedback type");
        }
    }

    @Override
    public String toString() {
        return parameter.isEmpty() ? type : type + " " + parameter;
    }
}
