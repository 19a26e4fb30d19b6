package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Demultiplexes a datagram received on a port shared by STUN, DTLS, TURN channels and SRTP/SRTCP by looking at its
 * first byte (RFC 7983 §7) and, for RTP/RTCP, at the second (RFC 5761 §4: RTCP packet types 192–223 collide with
 * RTP payload types 64–95 once the marker bit is masked, so those payload types must never be used for RTP).
 *
 * <p>Reads at most two bytes and allocates nothing.
 */
public final class PacketClassifier {
    private PacketClassifier() {
    }

    /** Classifies the readable bytes of {@code buf}. */
    public static PacketKind classify(ByteBuf buf) {
        return classify(buf, buf.readerIndex(), buf.readableBytes());
    }

    /** Classifies {@code length} bytes of {@code buf} from absolute index {@code offset}. */
    public static PacketKind classify(ByteBuf buf, int offset, int length) {
        if (length < 1) {
            return PacketKind.UNKNOWN;
        }
        int first = buf.getUnsignedByte(offset);
        if (first <= 3) {
            return PacketKind.STUN;
        }
        if (first >= 16 && first <= 19) {
            return PacketKind.ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return PacketKind.DTLS;
        }
        if (first >= 64 && first <= 79) {
            return PacketKind.TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191 && length >= 2) {
            return isRtcpPacketType(buf.getUnsignedByte(offset + 1)) ? PacketKind.RTCP : PacketKind.RTP;
        }
        return PacketKind.UNKNOWN;
    }

    /** RFC 5761 §4: the second byte with the marker bit masked lies in 64–95 (RTCP packet types 192–223). */
    public static boolean isRtcpPacketType(int secondByte) {
        int pt = secondByte & 0x7F;
        return pt >= 64 && pt <= 95;
    }
}
