package dev.osprey.rtp;

/**
 * The one exception the {@code rtp} module's parsers throw: the bytes do not form the structure they claim to be
 * (truncated header, a length that runs past the end, a field with a value the RFC forbids).
 *
 * <p>Hot paths use the non-throwing variants ({@link RtpPacket#tryWrap}) and count drops instead; this exception is
 * for control paths and tests, where a message naming the broken field is worth the cost of a stack trace.
 */
public class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
