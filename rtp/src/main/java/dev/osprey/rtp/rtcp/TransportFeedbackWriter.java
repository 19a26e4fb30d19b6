package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.SequenceNumber;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Builds transport-wide congestion control feedback ({@link TransportFeedback}) from arrivals: {@link #reset} with the
 * base sequence number and reference time, {@link #addReceived} for each arrival in sequence order (gaps become
 * "not received"), then {@link #write}. Reusable; its arrays grow to the largest feedback built and are kept.
 *
 * <p>Deltas are computed from the rounded previous arrival, as libwebrtc does, so that rounding errors do not
 * accumulate. Chunk encoding is deterministic: a run of 14 or more equal symbols becomes a run-length chunk; otherwise
 * the next 14 symbols become a 1-bit vector if none needs a two-byte delta, else the next 7 become a 2-bit vector (or
 * a run-length chunk if they are all equal). Padding to 32 bits uses the RTCP padding bit.
 */
public final class TransportFeedbackWriter {
    private static final int MAX_STATUSES = 0xFFFF;

    private int senderSsrc;
    private int mediaSsrc;
    private int baseSequence;
    private int referenceTime;
    private int feedbackPacketCount;
    private long lastArrivalMicros;
    private int count;
    private byte[] statuses = new byte[128];
    private short[] deltas = new short[128];

    /**
     * Starts a feedback packet.
     *
     * @param referenceTimeMicros arrival time of the first packet (or earlier), in the caller's microsecond clock;
     *                            it is floored to a multiple of 64 ms and sent modulo 2^24 units
     */
    public TransportFeedbackWriter reset(int senderSsrc, int mediaSsrc, int baseSequence, long referenceTimeMicros,
                                         int feedbackPacketCount) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequence = baseSequence & 0xFFFF;
        long units = Math.floorDiv(referenceTimeMicros, TransportFeedback.REFERENCE_TIME_UNIT_MICROS);
        this.referenceTime = (int) (units & 0xFFFFFF);
        this.lastArrivalMicros = units * TransportFeedback.REFERENCE_TIME_UNIT_MICROS;
        this.feedbackPacketCount = feedbackPacketCount & 0xFF;
        this.count = 0;
        return this;
    }

    /**
     * Records the arrival of {@code sequenceNumber} at {@code arrivalMicros}. Returns {@code false} (recording
     * nothing) when it cannot go into this packet: it is not after the last one added, the status count would pass
     * 65535, or its delta does not fit 16 signed bits of 250 µs; the caller then writes this packet and starts
     * another.
     */
    public boolean addReceived(int sequenceNumber, long arrivalMicros) {
        int index = SequenceNumber.forwardDistance(baseSequence, sequenceNumber);
        if (index < count || index >= MAX_STATUSES) {
            return false;
        }
        long deltaTicks = Math.floorDiv(arrivalMicros - lastArrivalMicros, TransportFeedback.DELTA_TICK_MICROS);
        if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
            return false;
        }
        ensureCapacity(index + 1);
        Arrays.fill(statuses, count, index, (byte) TransportFeedback.NOT_RECEIVED);
        statuses[index] = (byte) (deltaTicks >= 0 && deltaTicks <= 255
                ? TransportFeedback.RECEIVED_SMALL_DELTA : TransportFeedback.RECEIVED_LARGE_DELTA);
        deltas[index] = (short) deltaTicks;
        lastArrivalMicros += deltaTicks * TransportFeedback.DELTA_TICK_MICROS;
        count = index + 1;
        return true;
    }

    /** Number of statuses so far (including gaps). */
    public int statusCount() {
        return count;
    }

    /** Appends the packet; returns its length. */
    public int write(ByteBuf dst) {
        if (count == 0) {
            throw new IllegalStateException("transport feedback needs at least one received packet");
        }
        int start = dst.writerIndex();
        FeedbackPacket.writeFeedbackHeader(dst, TransportFeedback.FMT, RtcpPacketType.RTPFB, 4, senderSsrc, mediaSsrc);
        dst.writeShort(baseSequence);
        dst.writeShort(count);
        dst.writeMedium(referenceTime);
        dst.writeByte(feedbackPacketCount);
        writeChunks(dst);
        for (int i = 0; i < count; i++) {
            if (statuses[i] == TransportFeedback.RECEIVED_SMALL_DELTA) {
                dst.writeByte(deltas[i]);
            } else if (statuses[i] == TransportFeedback.RECEIVED_LARGE_DELTA) {
                dst.writeShort(deltas[i]);
            }
        }
        int unpadded = dst.writerIndex() - start;
        int padding = (4 - (unpadded & 3)) & 3;
        if (padding > 0) {
            dst.writeZero(padding - 1);
            dst.writeByte(padding);
            dst.setByte(start, dst.getByte(start) | 0x20);
        }
        int length = unpadded + padding;
        dst.setShort(start + 2, length / 4 - 1);
        return length;
    }

    private void writeChunks(ByteBuf dst) {
        int i = 0;
        while (i < count) {
            int run = runFrom(i);
            if (run >= 14) {
                dst.writeShort(statuses[i] << 13 | run);
                i += run;
            } else if (!hasLargeDelta(i, 14)) {
                int chunk = 0x8000;
                for (int k = 0; k < 14 && i + k < count; k++) {
                    chunk |= statuses[i + k] << (13 - k);
                }
                dst.writeShort(chunk);
                i += 14;
            } else if (run >= 7) {
                dst.writeShort(statuses[i] << 13 | run);
                i += run;
            } else {
                int chunk = 0xC000;
                for (int k = 0; k < 7 && i + k < count; k++) {
                    chunk |= statuses[i + k] << (12 - 2 * k);
                }
                dst.writeShort(chunk);
                i += 7;
            }
        }
    }

    private int runFrom(int i) {
        int run = 1;
        while (i + run < count && run < 0x1FFF && statuses[i + run] == statuses[i]) {
            run++;
        }
        return run;
    }

    private boolean hasLargeDelta(int from, int n) {
        for (int k = from; k < from + n && k < count; k++) {
            if (statuses[k] == TransportFeedback.RECEIVED_LARGE_DELTA) {
                return true;
            }
        }
        return false;
    }

    private void ensureCapacity(int needed) {
        if (needed > statuses.length) {
            int size = Math.max(needed, 2 * statuses.length);
            statuses = Arrays.copyOf(statuses, size);
            deltas = Arrays.copyOf(deltas, size);
        }
    }
}
