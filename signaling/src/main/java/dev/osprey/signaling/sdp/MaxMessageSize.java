package dev.osprey.signaling.sdp;

/**
 * {@code a=max-message-size:<bytes>} (RFC 8841 §6): the largest message the endpoint can receive on a data channel;
 * 0 means no limit, absence means 64 KiB (RFC 8841 §6.1).
 */
public record MaxMessageSize(long bytes) implements SdpAttribute {

    public static final String NAME = "max-message-size";
    /** The size assumed when the attribute is absent (RFC 8841 §6.1). */
    public static final long DEFAULT_BYTES = 65536;

    public MaxMessageSize {
        Checks.range(bytes, 0, SdpScanner.MAX_NUMBER, "max-message-size");
    }

    /** Parses the attribute value (after {@code "max-message-size:"}). */
    public static MaxMessageSize parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=max-message-size");
        long bytes = s.number(0, SdpScanner.MAX_NUMBER, "size");
        s.end();
        return new MaxMessageSize(bytes);
    }

    /** Whether the peer accepts messages of any size. */
    public boolean isUnlimited() {
        return bytes == 0;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return Long.toString(bytes);
    }
}
