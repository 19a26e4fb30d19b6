package dev.osprey.ice;

import io.netty.buffer.ByteBuf;

/**
 * Sorts a received packet by its first byte as RFC 7983 §7 does for a port shared by STUN, DTLS and SRTP:
 * 0–3 STUN, 20–63 DTLS, 128–191 RTP/RTCP. ZRTP (16–19), TURN ChannelData (64–79) and the rest have no business on
 * an ICE-lite media port.
 */
final class PacketClassifier {
    enum Kind {
        EMPTY, STUN, MEDIA, OTHER
    }

    private PacketClassifier() {
    }

    static Kind classify(ByteBuf packet) {
        if (!packet.isReadable()) {
            return Kind.EMPTY;
        }
        int first = packet.getUnsignedByte(packet.readerIndex());
        if (first <= 3) {
            return Kind.STUN;
        }
        if ((first >= 20 && first <= 63) || (first >= 128 && first <= 191)) {
            return Kind.MEDIA;
        }
        return Kind.OTHER;
    }
}
