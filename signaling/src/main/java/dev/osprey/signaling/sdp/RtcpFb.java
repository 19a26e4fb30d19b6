package dev.osprey.signaling.sdp;

/**
 * {@code a=rtcp-fb:<payload type|*> <type> [<parameter>]} (RFC 4585 §4.2): an RTCP feedback message the endpoint
 * accepts for a payload type, e.g. {@code nack}, {@code nack pli} (RFC 4585 §6.3), {@code ccm fir} (RFC 5104
 * §7.1), {@code goog-remb} and {@code transport-cc} (draft-holmer-rmcat-transport-wide-cc-extensions §4).
 *
 * @param payloadType the payload type, or {@link #WILDCARD} for {@code *}
 * @param type        the feedback type token
 * @param parameter   the rest of the line (e.g. {@code pli}), or {@code null}
 */
public record RtcpFb(int payloadType, String type, String parameter) implements SdpAttribute {

    public static final String NAME = "rtcp-fb";
    /** {@code *}: the feedback applies to every payload type of the section. */
    public static final int WILDCARD = -1;

    public RtcpFb {
        Checks.range(payloadType, WILDCARD, 127, "payload type");
        Checks.token(type, "rtcp-fb type");
        if (parameter != null && (parameter.isEmpty() || !parameter.strip().equals(parameter))) {
            throw new IllegalArgumentException("rtcp-fb parameter must be non-empty without outer spaces");
        }
        if (parameter != null) {
            Checks.byteString(parameter, "rtcp-fb parameter");
        }
    }

    /** Parses the attribute value (after {@code "rtcp-fb:"}). */
    public static RtcpFb parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=rtcp-fb");
        int pt = s.skip('*') ? WILDCARD : s.integer(0, 127, "payload type");
        s.spaces("feedback type");
        String type = s.token("feedback type");
        String parameter = null;
        if (s.trySpaces() && !s.atEnd()) {
            parameter = s.rest().strip();
        } else {
            s.end();
        }
        String param = parameter;
        return Checks.parsed("a=rtcp-fb", () -> new RtcpFb(pt, type, param));
    }

    /** Feedback without parameter. */
    public static RtcpFb of(int payloadType, String type) {
        return new RtcpFb(payloadType, type, null);
    }

    /** Whether this is the same feedback (type and parameter, case-insensitively) regardless of payload type. */
    public boolean sameFeedbackAs(RtcpFb other) {
        return type.equalsIgnoreCase(other.type) && (parameter == null ? other.parameter == null
                : other.parameter != null && parameter.equalsIgnoreCase(other.parameter));
    }

    /** A copy for another payload type. */
    public RtcpFb forPayloadType(int pt) {
        return new RtcpFb(pt, type, parameter);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String pt = payloadType == WILDCARD ? "*" : Integer.toString(payloadType);
        return parameter == null ? pt + ' ' + type : pt + ' ' + type + ' ' + parameter;
    }
}
