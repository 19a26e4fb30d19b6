package dev.osprey.signaling.sdp;

/**
 * {@code a=ice-ufrag:<ufrag>} (RFC 8839 §5.4): 4–256 ice-chars ({@code ALPHA / DIGIT / "+" / "/"}), the user
 * name fragment the peer puts in STUN USERNAME; the ICE layer routes the first binding request by it.
 */
public record IceUfrag(String ufrag) implements SdpAttribute {

    public static final String NAME = "ice-ufrag";

    public IceUfrag {
        IcePwd.checkIceChars(ufrag, 4, 256, "ice-ufrag");
    }

    /** Parses the attribute value (after {@code "ice-ufrag:"}). */
    public static IceUfrag parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=ice-ufrag");
        String ufrag = s.run(IcePwd::isIceChar, "ufrag");
        s.end();
        return Checks.parsed("a=ice-ufrag", () -> new IceUfrag(ufrag));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return ufrag;
    }

    @Override
    public String toString() {
        return "IceUfrag[" + ufrag + "]";
    }
}
