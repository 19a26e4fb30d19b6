package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;

/**
 * A reusable flyweight over one RTP packet (RFC 3550 §5.1) held in a {@link ByteBuf}: every getter and setter reads
 * or writes the buffer at an absolute index, so parsing creates no object per packet or per field.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers             |  CC × 32 bits
 * |      defined by profile       |           length              |  if X: RFC 3550 §5.3.1
 * |                        header extension                       |  length × 32 bits
 * |                    payload ...    | padding | padding count   |  if P
 * </pre>
 *
 * <p>One instance is meant to live per event loop and be re-pointed with {@link #wrap} for every packet; it neither
 * retains nor releases the buffer. {@link #wrap} validates the whole layout (header, CSRCs, extension block, every
 * RFC 8285 element, padding) so that no getter can read out of bounds afterwards. {@link #wrapHeader} validates only
 * up to the end of the header, for SRTP packets whose payload and padding count are still ciphertext.
 *
 * <p>Extension elements (RFC 8285 §4.2 one-byte, §4.3 two-byte) are addressed by the absolute index of their value:
 * {@link #extensionValueIndex(int)} finds an element by its negotiated ID, and {@link #firstExtensionElement()} /
 * {@link #nextExtensionElement(int)} iterate without allocating.
 */
public final class RtpPacket {
    /** Length of the fixed header (RFC 3550 §5.1). */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** The only RTP version in use (RFC 3550 §5.1). */
    public static final int VERSION = 2;
    /** Profile value of the RFC 8285 §4.2 one-byte header form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Profile value of the RFC 8285 §4.3 two-byte header form, with its four "appbits" cleared. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    /** No RFC 8285 extension block: either no extension at all or a profile this class does not interpret. */
    public static final int FORM_NONE = 0;
    /** RFC 8285 §4.2 one-byte elements. */
    public static final int FORM_ONE_BYTE = 1;
    /** RFC 8285 §4.3 two-byte elements. */
    public static final int FORM_TWO_BYTE = 2;

    private ByteBuf buf;
    private int offset;
    private int length;
    private int headerLength;
    private int paddingLength;
    /** Absolute index of the 4-byte extension header (profile, length), or -1 without the X bit. */
    private int extensionIndex = -1;
    private int extensionDataLength;
    private int extensionForm;
    /** Where the RFC 8285 elements are, recorded by the validating scan so that lookups read no buffer byte. */
    private final ExtensionElementIndex elements = new ExtensionElementIndex();

    /**
     * Points this flyweight at the readable bytes of {@code buf} and validates the complete packet.
     *
     * @throws MalformedPacketException if the bytes are not a well-formed RTP packet
     */
    public RtpPacket wrap(ByteBuf buf) {
        return wrap(buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Points this flyweight at {@code length} bytes of {@code buf} from absolute index {@code offset} and validates
     * the complete packet.
     *
     * @throws MalformedPacketException if the bytes are not a well-formed RTP packet
     */
    public RtpPacket wrap(ByteBuf buf, int offset, int length) {
        int error = bind(buf, offset, length, true);
        if (error != RtpLayout.OK) {
            clear();
            throw new MalformedPacketException(RtpLayout.describe(error));
        }
        return this;
    }

    /**
     * Like {@link #wrap(ByteBuf, int, int)} but reports a malformed packet by returning {@code false} (and leaving
     * this flyweight unbound) instead of throwing: the hot-path form, where a bad packet is counted and dropped.
     */
    public boolean tryWrap(ByteBuf buf, int offset, int length) {
        if (bind(buf, offset, length, true) != RtpLayout.OK) {
            clear();
            return false;
        }
        return true;
    }

    /** {@link #tryWrap(ByteBuf, int, int)} over the readable bytes of {@code buf}. */
    public boolean tryWrap(ByteBuf buf) {
        return tryWrap(buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Validates only the header (fixed part, CSRCs, extension block and its elements) and treats everything after it
     * as opaque payload: the padding bit is reported but its count byte is not read. This is the view an SRTP
     * transform needs (RFC 3711 §3.1: the payload and padding are encrypted, the header is not).
     *
     * @throws MalformedPacketException if the header is malformed or runs past {@code length}
     */
    public RtpPacket wrapHeader(ByteBuf buf, int offset, int length) {
        int error = bind(buf, offset, length, false);
        if (error != RtpLayout.OK) {
            clear();
            throw new MalformedPacketException(RtpLayout.describe(error));
        }
        return this;
    }

    private int bind(ByteBuf buf, int offset, int length, boolean withPadding) {
        if (offset < 0 || length < 0 || offset > buf.capacity() - length) {
            return RtpLayout.OUTSIDE_BUFFER;
        }
        if (length < FIXED_HEADER_LENGTH) {
            return RtpLayout.TOO_SHORT;
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        int first = buf.getUnsignedByte(offset);
        int error = bindHeader(first);
        if (error == RtpLayout.OK && withPadding && (first & 0x20) != 0) {
            error = bindPadding();
        }
        return error;
    }

    /** RFC 3550 §5.1 and §5.3.1: fixed header, CSRC list and extension block must fit the packet. */
    private int bindHeader(int first) {
        if (first >> 6 != VERSION) {
            return RtpLayout.BAD_VERSION;
        }
        paddingLength = 0;
        extensionIndex = -1;
        extensionDataLength = 0;
        extensionForm = FORM_NONE;
        elements.clear();
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            return RtpLayout.CSRC_PAST_END;
        }
        headerLength = header;
        if ((first & 0x10) == 0) {
            return RtpLayout.OK;
        }
        if (header + 4 > length) {
            return RtpLayout.EXTENSION_HEADER_PAST_END;
        }
        int extensionHeader = buf.getInt(offset + header);
        int dataLength = 4 * (extensionHeader & 0xFFFF);
        if (dataLength > length - header - 4) {
            return RtpLayout.EXTENSION_PAST_END;
        }
        extensionIndex = offset + header;
        extensionDataLength = dataLength;
        headerLength = header + 4 + dataLength;
        extensionForm = RtpLayout.extensionForm(extensionHeader >>> 16);
        return extensionForm == FORM_NONE ? RtpLayout.OK : scanElements();
    }

    private int scanElements() {
        return elements.scan(buf, extensionIndex + 4, extensionDataLength, offset + length,
                extensionForm == FORM_ONE_BYTE);
    }

    /**
     * Renumbers the RFC 8285 elements in place: element {@code id} becomes {@code newIdByOldId[id]}, and an element
     * mapped to 0 (or with an ID beyond the array) becomes padding (RFC 8285 §4.2/§4.3 allow zero bytes between
     * elements). Moves no byte and keeps the flyweight current. Returns {@code false}, changing nothing, when a new ID
     * does not fit the packet's form (above 14 in the one-byte form); {@code true} when there is no RFC 8285 block.
     */
    public boolean renumberExtensionsInPlace(int[] newIdByOldId) {
        if (extensionForm == FORM_NONE) {
            return true;
        }
        return elements.renumber(buf, extensionIndex + 4, extensionDataLength, extensionForm == FORM_ONE_BYTE,
                newIdByOldId);
    }

    /** Turns every RFC 8285 element with {@code id} into padding in place; returns whether there was one. */
    public boolean blankExtension(int id) {
        if (extensionForm == FORM_NONE) {
            return false;
        }
        return elements.blank(buf, extensionIndex + 4, extensionDataLength, extensionForm == FORM_ONE_BYTE, id);
    }

    /**
     * Re-reads the positions of the RFC 8285 elements after their IDs or layout were changed in place (blanking or
     * renumbering without re-wrapping). The block must still be valid.
     */
    public void rescanExtensions() {
        if (extensionForm != FORM_NONE && scanElements() != RtpLayout.OK) {
            throw new MalformedPacketException(RtpLayout.describe(RtpLayout.ELEMENT_PAST_END));
        }
    }

    private int bindPadding() {
        if (length == headerLength) {
            return RtpLayout.PADDING_WITHOUT_COUNT;
        }
        int count = buf.getUnsignedByte(offset + length - 1);
        if (count == 0) {
            return RtpLayout.PADDING_ZERO;
        }
        if (count > length - headerLength) {
            return RtpLayout.PADDING_PAST_PAYLOAD;
        }
        paddingLength = count;
        return RtpLayout.OK;
    }

    private void clear() {
        buf = null;
        offset = 0;
        length = 0;
        headerLength = 0;
        paddingLength = 0;
        extensionIndex = -1;
        extensionDataLength = 0;
        extensionForm = FORM_NONE;
        elements.clear();
    }

    /** The buffer this flyweight is bound to, or {@code null} after a failed wrap. */
    public ByteBuf buffer() {
        return buf;
    }

    /** Absolute index of the first byte of the packet. */
    public int offset() {
        return offset;
    }

    /** Length of the whole packet including padding. */
    public int length() {
        return length;
    }

    public int version() {
        return (buf.getUnsignedByte(offset) >> 6);
    }

    public boolean hasPadding() {
        return (buf.getByte(offset) & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (buf.getByte(offset) & 0x10) != 0;
    }

    public int csrcCount() {
        return buf.getByte(offset) & 0x0F;
    }

    /** The {@code i}-th contributing source, {@code 0 <= i < csrcCount()}. */
    public int csrc(int i) {
        return buf.getInt(csrcIndex(i));
    }

    public void setCsrc(int i, int csrc) {
        buf.setInt(csrcIndex(i), csrc);
    }

    private int csrcIndex(int i) {
        if (i < 0 || i >= csrcCount()) {
            throw new IndexOutOfBoundsException("CSRC " + i + " of " + csrcCount());
        }
        return offset + FIXED_HEADER_LENGTH + 4 * i;
    }

    public boolean marker() {
        return (buf.getByte(offset + 1) & 0x80) != 0;
    }

    public void setMarker(boolean marker) {
        int b = buf.getByte(offset + 1);
        buf.setByte(offset + 1, marker ? b | 0x80 : b & 0x7F);
    }

    /** The 7-bit payload type. */
    public int payloadType() {
        return buf.getByte(offset + 1) & 0x7F;
    }

    /** Rewrites the payload type, keeping the marker bit. */
    public void setPayloadType(int payloadType) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        buf.setByte(offset + 1, (buf.getByte(offset + 1) & 0x80) | payloadType);
    }

    /** The 16-bit sequence number, {@code 0..65535}. */
    public int sequenceNumber() {
        return buf.getUnsignedShort(offset + 2);
    }

    public void setSequenceNumber(int sequenceNumber) {
        buf.setShort(offset + 2, sequenceNumber);
    }

    /** The raw 32-bit RTP timestamp (see {@link RtpTimestamp} for arithmetic). */
    public int timestamp() {
        return buf.getInt(offset + 4);
    }

    public void setTimestamp(int timestamp) {
        buf.setInt(offset + 4, timestamp);
    }

    /** The raw 32-bit synchronization source identifier. */
    public int ssrc() {
        return buf.getInt(offset + 8);
    }

    public void setSsrc(int ssrc) {
        buf.setInt(offset + 8, ssrc);
    }

    /** Bytes from the start of the packet to the start of the payload: fixed header, CSRCs and extension block. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute index of the first payload byte. */
    public int payloadOffset() {
        return offset + headerLength;
    }

    /** Payload bytes, excluding padding (after {@link #wrapHeader}: everything after the header). */
    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    /** Padding bytes including the count byte; 0 without the P bit or after {@link #wrapHeader}. */
    public int paddingLength() {
        return paddingLength;
    }

    /** The 16-bit "defined by profile" value of the extension header, or -1 without the X bit. */
    public int extensionProfile() {
        return extensionIndex < 0 ? -1 : buf.getUnsignedShort(extensionIndex);
    }

    /** Absolute index of the extension header (the profile field), or -1 without the X bit. */
    public int extensionIndex() {
        return extensionIndex;
    }

    /** Length of the extension data after its 4-byte header, in bytes (a multiple of 4). */
    public int extensionDataLength() {
        return extensionDataLength;
    }

    /** {@link #FORM_ONE_BYTE}, {@link #FORM_TWO_BYTE} or {@link #FORM_NONE}. */
    public int extensionForm() {
        return extensionForm;
    }

    /**
     * Absolute index of the value of the RFC 8285 element with local identifier {@code id}, or -1 when the packet
     * has no such element (or no RFC 8285 block). The first element with that ID wins (RFC 8285 §4.1 forbids more).
     */
    public int extensionValueIndex(int id) {
        if (elements.complete()) {
            return elements.valueIndex(id);
        }
        for (int v = firstExtensionElement(); v >= 0; v = nextExtensionElement(v)) {
            if (extensionElementId(v) == id) {
                return v;
            }
        }
        return -1;
    }

    /** Absolute index of the first element's value, or -1 when there is none. */
    public int firstExtensionElement() {
        if (extensionForm == FORM_NONE) {
            return -1;
        }
        return RtpLayout.nextElement(buf, extensionIndex + 4, extensionEnd(), extensionForm);
    }

    /** Absolute index of the value of the element after the one whose value starts at {@code valueIndex}, or -1. */
    public int nextExtensionElement(int valueIndex) {
        int from = valueIndex + extensionElementLength(valueIndex);
        return RtpLayout.nextElement(buf, from, extensionEnd(), extensionForm);
    }

    /** Local identifier of the element whose value starts at {@code valueIndex}. */
    public int extensionElementId(int valueIndex) {
        return extensionForm == FORM_ONE_BYTE
                ? buf.getUnsignedByte(valueIndex - 1) >> 4
                : buf.getUnsignedByte(valueIndex - 2);
    }

    /** Length in bytes of the value of the element whose value starts at {@code valueIndex}. */
    public int extensionElementLength(int valueIndex) {
        int remembered = elements.lengthAt(valueIndex);
        if (remembered >= 0) {
            return remembered;
        }
        return extensionForm == FORM_ONE_BYTE
                ? (buf.getUnsignedByte(valueIndex - 1) & 0x0F) + 1
                : buf.getUnsignedByte(valueIndex - 1);
    }

    private int extensionEnd() {
        return extensionIndex + 4 + extensionDataLength;
    }

    /**
     * Validates the header of the RTP packet at {@code offset} without binding a flyweight and returns its length
     * (fixed header, CSRCs and extension block), or -1 when it is malformed or longer than {@code length}. RFC 8285
     * elements are not inspected: this is the cheapest check an SRTP transform needs to find the payload.
     */
    public static int headerLength(ByteBuf buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.capacity() - length) {
            return -1;
        }
        return Math.max(-1, RtpLayout.headerLength(buf, offset, length));
    }

    /**
     * Writes a 12-byte fixed header (V=2, no padding, extension or CSRC) at the writer index of {@code dst}: the
     * start of a packet a sender builds, to be followed by extensions via the editor and the payload.
     */
    public static void writeFixedHeader(ByteBuf dst, boolean marker, int payloadType, int sequenceNumber,
                                        int timestamp, int ssrc) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        dst.writeByte(VERSION << 6);
        dst.writeByte((marker ? 0x80 : 0) | payloadType);
        dst.writeShort(sequenceNumber);
        dst.writeInt(timestamp);
        dst.writeInt(ssrc);
    }

    @Override
    public String toString() {
        if (buf == null) {
            return "RtpPacket[unbound]";
        }
        return "RtpPacket[pt=" + payloadType() + " seq=" + sequenceNumber() + " ts=" + Integer.toUnsignedString(timestamp())
                + " ssrc=" + Integer.toUnsignedString(ssrc()) + " m=" + marker() + " header=" + headerLength
                + " payload=" + payloadLength() + " padding=" + paddingLength + "]";
    }
}
