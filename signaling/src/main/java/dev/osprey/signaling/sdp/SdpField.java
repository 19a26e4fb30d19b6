package dev.osprey.signaling.sdp;

/**
 * A line WebRTC does not interpret, kept verbatim: {@code i=} (information), {@code u=} (URI), {@code e=} (email),
 * {@code p=} (phone), {@code r=} (repeat times), {@code z=} (time zones), {@code k=} (obsolete key) (RFC 8866 §5.4–5.12).
 *
 * @param lineType  one of {@code i u e p r z k}
 * @param lineValue the text after the {@code =}
 */
public record SdpField(char lineType, String lineValue) implements SdpLine {

    public SdpField {
        if ("iueprzk".indexOf(lineType) < 0) {
            throw new IllegalArgumentException("'" + lineType + "=' is not a free-form SDP line type");
        }
        Checks.lineText(lineValue, lineType + "= value");
    }
}
