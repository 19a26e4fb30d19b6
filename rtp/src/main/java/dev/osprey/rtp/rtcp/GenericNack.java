package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.SequenceNumber;
import io.netty.buffer.ByteBuf;

import java.util.function.IntConsumer;

/**
 * Generic NACK, RFC 4585 §6.2.1 (RTPFB, FMT 1): FCI entries of a packet ID (PID) and a 16-bit bitmask of following
 * lost packets (BLP), bit {@code i} standing for {@code PID + i + 1}.
 */
public final class GenericNack extends FeedbackPacket {
    public static final int FMT = 1;

    public GenericNack() {
        super(RtcpPacketType.RTPFB, FMT);
    }

    @Override
    protected String validateFci() {
        int fci = fciLength();
        return fci == 0 || (fci & 3) != 0 ? "NACK FCI must be a positive multiple of 4 bytes, was " + fci : null;
    }

    public int itemCount() {
        return fciLength() / 4;
    }

    public int packetId(int i) {
        return buf.getUnsignedShort(item(i));
    }

    public int lostBitmask(int i) {
        return buf.getUnsignedShort(item(i) + 2);
    }

    private int item(int i) {
        if (i < 0 || i >= itemCount()) {
            throw new IndexOutOfBoundsException("NACK item " + i + " of " + itemCount());
        }
        return fciIndex() + 4 * i;
    }

    /** Number of sequence numbers requested (duplicates across items counted twice). */
    public int lostCount() {
        int n = 0;
        for (int i = 0; i < itemCount(); i++) {
            n += 1 + Integer.bitCount(lostBitmask(i));
        }
        return n;
    }

    /** Calls {@code sink} with every requested sequence number, item by item, in bit order. */
    public void forEachLost(IntConsumer sink) {
        for (int i = 0; i < itemCount(); i++) {
            int pid = packetId(i);
            sink.accept(pid);
            for (int bits = lostBitmask(i), bit = 0; bits != 0; bits >>>= 1, bit++) {
                if ((bits & 1) != 0) {
                    sink.accept(SequenceNumber.add(pid, bit + 1));
                }
            }
        }
    }

    /**
     * Appends a NACK for {@code count} sequence numbers of {@code sequenceNumbers}, given oldest first (in RFC 1982
     * order); each starts a new item unless it falls within the 16 packets after the current item's PID. Repeats of
     * an already covered number are skipped. Returns the packet length.
     */
    public static int write(ByteBuf dst, int senderSsrc, int mediaSsrc, int[] sequenceNumbers, int count) {
        if (count < 1 || count > sequenceNumbers.length) {
            throw new IllegalArgumentException("need 1.." + sequenceNumbers.length + " sequence numbers, got " + count);
        }
        int start = dst.writerIndex();
        writeFeedbackHeader(dst, FMT, RtcpPacketType.RTPFB, FIXED_LENGTH + 4, senderSsrc, mediaSsrc);
        int pid = sequenceNumbers[0] & 0xFFFF;
        int blp = 0;
        int items = 1;
        for (int i = 1; i < count; i++) {
            int seq = sequenceNumbers[i] & 0xFFFF;
            int distance = SequenceNumber.diff(seq, pid);
            if (distance >= 1 && distance <= 16) {
                blp |= 1 << (distance - 1);
            } else if (distance != 0) {
                dst.writeShort(pid).writeShort(blp);
                pid = seq;
                blp = 0;
                items++;
            }
        }
        dst.writeShort(pid).writeShort(blp);
        int length = FIXED_LENGTH + 4 * items;
        dst.setShort(start + 2, length / 4 - 1);
        return length;
    }
}
