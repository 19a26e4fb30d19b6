package dev.osprey.signaling.sdp;

/**
 * {@code a=mid:<identification-tag>} (RFC 9143 §6 / RFC 5888 §4): names a media section so that BUNDLE groups,
 * the RTP MID header extension and LiveKit's {@code mid_to_track_id} can refer to it.
 */
public record Mid(String id) implements SdpAttribute {

    public static final String NAME = "mid";

    public Mid {
        Checks.token(id, "mid");
    }

    /** Parses the attribute value (after {@code "mid:"}). */
    public static Mid parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=mid");
        String id = s.token("identification-tag");
        s.end();
        return new Mid(id);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return id;
    }
}
