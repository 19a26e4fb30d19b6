package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The bounds checks behind {@link RtpPacket}: each returns an error code instead of throwing so that the hot path can
 * drop a packet without building an exception.
 */
final class RtpLayout {
    static final int OK = 0;
    static final int OUTSIDE_BUFFER = 1;
    static final int TOO_SHORT = 2;
    static final int BAD_VERSION = 3;
    static final int CSRC_PAST_END = 4;
    static final int EXTENSION_HEADER_PAST_END = 5;
    static final int EXTENSION_PAST_END = 6;
    static final int ELEMENT_PAST_END = 7;
    static final int PADDING_WITHOUT_COUNT = 8;
    static final int PADDING_ZERO = 9;
    static final int PADDING_PAST_PAYLOAD = 10;

    private static final String[] MESSAGES = {
        "ok",
        "packet range lies outside the buffer",
        "shorter than the 12-byte RTP fixed header",
        "RTP version is not 2",
        "CSRC list runs past the end of the packet",
        "extension header runs past the end of the packet",
        "header extension length runs past the end of the packet",
        "RFC 8285 extension element runs past the end of the extension block",
        "padding bit set but the packet has no byte after the header",
        "padding bit set with a padding count of zero",
        "padding count is larger than the payload",
    };

    private RtpLayout() {
    }

    static String describe(int error) {
        return MESSAGES[error];
    }

    /** Header length (fixed, CSRCs, extension) or the negated error code. */
    static int headerLength(ByteBuf buf, int offset, int length) {
        if (length < RtpPacket.FIXED_HEADER_LENGTH) {
            return -TOO_SHORT;
        }
        int first = buf.getUnsignedByte(offset);
        if ((first >> 6) != RtpPacket.VERSION) {
            return -BAD_VERSION;
        }
        int header = RtpPacket.FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            return -CSRC_PAST_END;
        }
        if ((first & 0x10) == 0) {
            return header;
        }
        if (header + 4 > length) {
            return -EXTENSION_HEADER_PAST_END;
        }
        header += 4 + 4 * buf.getUnsignedShort(offset + header + 2);
        return header > length ? -EXTENSION_PAST_END : header;
    }

    /** RFC 8285 §4.2/§4.3: which element syntax a profile value announces. */
    static int extensionForm(int profile) {
        if (profile == RtpPacket.ONE_BYTE_PROFILE) {
            return RtpPacket.FORM_ONE_BYTE;
        }
        if ((profile & 0xFFF0) == RtpPacket.TWO_BYTE_PROFILE) {
            return RtpPacket.FORM_TWO_BYTE;
        }
        return RtpPacket.FORM_NONE;
    }

    /**
     * Skips padding from {@code from} and returns the value index of the next element, or -1 at the end of the
     * block. In the one-byte form ID 15 ends processing (RFC 8285 §4.2), and a byte with ID 0 is padding whatever its
     * length nibble. A two-byte element header cut by the end of the block yields an index past {@code end}, which
     * {@link RtpPacket}'s scan rejects.
     */
    static int nextElement(ByteBuf buf, int from, int end, int form) {
        for (int i = from; i < end; i++) {
            int b = buf.getUnsignedByte(i);
            if (form == RtpPacket.FORM_ONE_BYTE) {
                if ((b >> 4) == 0) {
                    continue;
                }
                return (b >> 4) == 15 ? -1 : i + 1;
            }
            if (b != 0) {
                return i + 2;
            }
        }
        return -1;
    }
}
