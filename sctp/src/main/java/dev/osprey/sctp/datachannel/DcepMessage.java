package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** A Data Channel Establishment Protocol message (RFC 8832 §5), carried with PPID 50. */
public sealed interface DcepMessage {
    int TYPE_ACK = 0x02;
    int TYPE_OPEN = 0x03;

    void encode(ByteBuf out);

    int length();

    /** RFC 8832 §5.1. */
    record DataChannelOpen(int channelType, int priority, long reliabilityParameter, String label, String protocol)
            implements DcepMessage {
        public DataChannelOpen {
            if (channelType < 0 || channelType > 0xFF || priority < 0 || priority > 0xFFFF
                    || (reliabilityParameter >>> 32) != 0 || utf8(label).length > 0xFFFF
                    || utf8(protocol).length > 0xFFFF) {
                throw new IllegalArgumentException("DATA_CHANNEL_OPEN field out of range");
            }
        }

        @Override
        public int length() {
            return 12 + utf8(label).length + utf8(protocol).length;
        }

        @Override
        public void encode(ByteBuf out) {
            byte[] l = utf8(label);
            byte[] p = utf8(protocol);
            out.writeByte(TYPE_OPEN);
            out.writeByte(channelType);
            out.writeShort(priority);
            out.writeInt((int) reliabilityParameter);
            out.writeShort(l.length);
            out.writeShort(p.length);
            out.writeBytes(l);
            out.writeBytes(p);
        }
    }

    /** RFC 8832 §5.2. */
    record DataChannelAck() implements DcepMessage {
        @Override
        public int length() {
            return 1;
        }

        @Override
        public void encode(ByteBuf out) {
            out.writeByte(TYPE_ACK);
        }
    }

    /** Decodes the readable bytes of {@code buf} without moving its indexes. */
    static DcepMessage decode(ByteBuf buf) throws SctpParseException {
        int at = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < 1) {
            throw new SctpParseException("empty DCEP message");
        }
        int type = buf.getUnsignedByte(at);
        if (type == TYPE_ACK) {
            if (length != 1) {
                throw new SctpParseException("DATA_CHANNEL_ACK with " + length + " bytes");
            }
            return new DataChannelAck();
        }
        if (type != TYPE_OPEN) {
            throw new SctpParseException("unknown DCEP message type " + type);
        }
        if (length < 12) {
            throw new SctpParseException("DATA_CHANNEL_OPEN shorter than its fixed fields");
        }
        int labelLength = buf.getUnsignedShort(at + 8);
        int protocolLength = buf.getUnsignedShort(at + 10);
        if (12 + labelLength + protocolLength != length) {
            throw new SctpParseException(SctpParseException.Reason.LENGTH_PAST_END,
                    "DATA_CHANNEL_OPEN lengths do not match the message");
        }
        String label = buf.toString(at + 12, labelLength, StandardCharsets.UTF_8);
        String protocol = buf.toString(at + 12 + labelLength, protocolLength, StandardCharsets.UTF_8);
        return new DataChannelOpen(buf.getUnsignedByte(at + 1), buf.getUnsignedShort(at + 2),
                buf.getUnsignedInt(at + 4), label, protocol);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
