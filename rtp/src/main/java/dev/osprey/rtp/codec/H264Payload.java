package dev.osprey.rtp.codec;

/**
 * An H.264 RTP payload, RFC 6184 §5.6–5.8: a single NAL unit (types 1–23), an aggregation packet STAP-A (24: NAL
 * units each preceded by a 16-bit size) or a fragmentation unit FU-A (28: FU indicator, FU header with start/end
 * bits and the fragmented NAL type). The other aggregation and fragmentation types (STAP-B, MTAP16/24, FU-B) are
 * not used by WebRTC endpoints and are rejected.
 *
 * <p>{@link #wrap} validates the layout and collects the types of the NAL units whose start the packet carries,
 * which is what key-frame detection needs: IDR slices (5) and SPS (7) / PPS (8).
 */
public final class H264Payload extends PayloadView {
    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR = 5;
    public static final int NAL_SEI = 6;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int NAL_AUD = 9;
    public static final int STAP_A = 24;
    public static final int FU_A = 28;

    private int nalTypeMask;
    private int nalUnitCount;

    @Override
    protected String parse() {
        nalTypeMask = 0;
        nalUnitCount = 0;
        int type = packetType();
        if (type >= 1 && type <= 23) {
            nalTypeMask = 1 << type;
            nalUnitCount = 1;
            return null;
        }
        if (type == STAP_A) {
            return parseStapA();
        }
        if (type == FU_A) {
            return parseFuA();
        }
        return "NAL unit type " + type + " is not single, STAP-A or FU-A";
    }

    private String parseStapA() {
        int end = offset + length;
        int at = offset + 1;
        while (at < end) {
            if (at + 2 > end) {
                return "STAP-A size field cut";
            }
            int size = buf.getUnsignedShort(at);
            if (size == 0 || at + 2 + size > end) {
                return "STAP-A NAL unit of size " + size + " does not fit";
            }
            nalTypeMask |= 1 << (buf.getByte(at + 2) & 0x1F);
            nalUnitCount++;
            at += 2 + size;
        }
        return nalUnitCount == 0 ? "STAP-A without NAL units" : null;
    }

    private String parseFuA() {
        if (length < 3) {
            return "FU-A shorter than indicator, header and one byte";
        }
        int header = buf.getUnsignedByte(offset + 1);
        if ((header & 0xC0) == 0xC0) {
            return "FU-A with both start and end bits";
        }
        if ((header & 0x80) != 0) {
            nalTypeMask = 1 << (header & 0x1F);
            nalUnitCount = 1;
        }
        return null;
    }

    /** The type in the first byte: a NAL type 1–23, {@link #STAP_A} or {@link #FU_A}. */
    public int packetType() {
        return buf.getByte(offset) & 0x1F;
    }

    /** NRI of the payload header: 0 means no decoder needs it as a reference. */
    public int nalRefIdc() {
        return buf.getByte(offset) >>> 5 & 0x03;
    }

    /** Bit {@code t} set when the packet carries the start of a NAL unit of type {@code t}. */
    public int nalTypeMask() {
        return nalTypeMask;
    }

    public boolean startsNalUnitOfType(int type) {
        return (nalTypeMask & (1 << type)) != 0;
    }

    /** NAL units starting in this packet (a FU-A continuation starts none). */
    public int nalUnitCount() {
        return nalUnitCount;
    }

    /** FU-A start bit (true for single NAL and STAP-A packets, which always start their units). */
    public boolean startOfNalUnit() {
        return packetType() != FU_A || (buf.getByte(offset + 1) & 0x80) != 0;
    }

    /** FU-A end bit (true for single NAL and STAP-A packets). */
    public boolean endOfNalUnit() {
        return packetType() != FU_A || (buf.getByte(offset + 1) & 0x40) != 0;
    }

    /** The NAL type a FU-A fragments, or -1 for other packets. */
    public int fragmentedNalType() {
        return packetType() == FU_A ? buf.getByte(offset + 1) & 0x1F : -1;
    }

    /**
     * Whether the packet starts a key frame's data: it starts an IDR slice or an SPS (encoders send SPS/PPS right
     * before each IDR, so the SPS is the first packet of the key frame).
     */
    public boolean isKeyframe() {
        return (nalTypeMask & (1 << NAL_IDR | 1 << NAL_SPS)) != 0;
    }
}
