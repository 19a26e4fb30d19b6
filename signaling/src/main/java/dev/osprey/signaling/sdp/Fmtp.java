package dev.osprey.signaling.sdp;

import java.util.Objects;

/** {@code a=fmtp:<payload type> <format specific parameters>} (RFC 8866 §6.15) for an RTP payload type. */
public record Fmtp(int payloadType, FormatParameters parameters) implements SdpAttribute {

    public static final String NAME = "fmtp";

    public Fmtp {
        Checks.payloadType(payloadType);
        Objects.requireNonNull(parameters, "parameters");
    }

    /** Parses the attribute value (after {@code "fmtp:"}). */
    public static Fmtp parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=fmtp");
        int pt = s.integer(0, 127, "payload type");
        if (s.atEnd()) {
            return new Fmtp(pt, FormatParameters.EMPTY);
        }
        s.spaces("parameters");
        return new Fmtp(pt, FormatParameters.parse(s.rest()));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return parameters.isEmpty() ? Integer.toString(payloadType) : payloadType + " " + parameters.format();
    }
}
