package dev.osprey.rtp.codec;

/**
 * The AV1 RTP payload: the aggregation header (AV1 RTP spec §4.4) and the OBU elements after it (§4.5), each
 * preceded by a LEB128 length except the last when W is non-zero.
 *
 * <pre>
 *  |Z|Y| W |N|-|-|-|
 * </pre>
 *
 * Z: the first element continues an OBU from the previous packet; Y: the last continues in the next; W: element
 * count (0 = every element has a length); N: first packet of a coded video sequence, i.e. a key frame with a
 * sequence header. {@link #wrap} checks that the element lengths fit the payload and that N and Z are not both set.
 */
public final class Av1AggregationHeader extends PayloadView {
    /** OBU types (AV1 spec §6.2.2) an SFU cares about. */
    public static final int OBU_SEQUENCE_HEADER = 1;
    public static final int OBU_TEMPORAL_DELIMITER = 2;
    public static final int OBU_FRAME_HEADER = 3;
    public static final int OBU_FRAME = 6;

    private int elementCount;
    private int firstElementIndex;

    @Override
    protected String parse() {
        if (newCodedVideoSequence() && continuesObu()) {
            return "N and Z both set";
        }
        int end = offset + length;
        int at = offset + 1;
        int declared = obuCountField();
        elementCount = 0;
        firstElementIndex = -1;
        while (at < end) {
            boolean last = declared != 0 && elementCount == declared - 1;
            long size;
            if (last) {
                size = end - at;
            } else {
                long leb = Leb128.read(buf, at, end);
                if (leb < 0) {
                    return "OBU element length runs past the payload";
                }
                at += Leb128.encodedLength(leb);
                size = leb >>> 8;
            }
            if (size > end - at) {
                return "OBU element of " + size + " bytes does not fit";
            }
            if (firstElementIndex < 0) {
                firstElementIndex = at;
            }
            elementCount++;
            at += (int) size;
        }
        if (declared != 0 && elementCount != declared) {
            return "W=" + declared + " but " + elementCount + " elements";
        }
        return elementCount == 0 ? "no OBU element" : null;
    }

    /** Z. */
    public boolean continuesObu() {
        return (buf.getByte(offset) & 0x80) != 0;
    }

    /** Y. */
    public boolean obuContinuesInNextPacket() {
        return (buf.getByte(offset) & 0x40) != 0;
    }

    /** W: 0, or the number of OBU elements. */
    public int obuCountField() {
        return buf.getByte(offset) >>> 4 & 0x03;
    }

    /** N: first packet of a coded video sequence. */
    public boolean newCodedVideoSequence() {
        return (buf.getByte(offset) & 0x08) != 0;
    }

    /** A key frame starts here: a new coded video sequence (the spec makes N the key-frame indicator). */
    public boolean isKeyframe() {
        return newCodedVideoSequence();
    }

    public int elementCount() {
        return elementCount;
    }

    /** OBU type of the first element when it starts an OBU (Z clear), else -1. */
    public int firstObuType() {
        if (continuesObu() || firstElementIndex < 0 || firstElementIndex >= offset + length) {
            return -1;
        }
        return buf.getByte(firstElementIndex) >>> 3 & 0x0F;
    }
}
