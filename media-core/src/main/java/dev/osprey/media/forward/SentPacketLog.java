package dev.osprey.media.forward;

import java.util.Arrays;

/**
 * What one subscriber was sent, by outgoing sequence number: which layer and source packet each came from and the
 * values it was rewritten with, so that a NACK in the subscriber's numbering (RFC 4585 §6.2.1) can be answered from
 * the receiver's retransmission cache with the very same header. Also paces resends per subscriber: the shared cache
 * cannot, since two subscribers may ask for the same source packet.
 *
 * <p>A ring of {@code capacity} entries indexed by the outgoing sequence number; recording allocates nothing.
 * Single-threaded.
 */
final class SentPacketLog {
    private final int mask;
    private final int[] sequence;
    private final byte[] layer;
    private final long[] sourceSequence;
    private final int[] timestamp;
    private final int[] pictureId;
    private final short[] tl0PicIdx;
    private final long[] resentAtNanos;
    private final byte[] resends;

    SentPacketLog(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        mask = slots - 1;
        sequence = new int[slots];
        Arrays.fill(sequence, -1);
        layer = new byte[slots];
        sourceSequence = new long[slots];
        timestamp = new int[slots];
        pictureId = new int[slots];
        tl0PicIdx = new short[slots];
        resentAtNanos = new long[slots];
        resends = new byte[slots];
    }

    void record(int outSequence, int sourceLayer, long sourceExtendedSequence, int outTimestamp, int outPictureId,
                int outTl0PicIdx) {
        int i = outSequence & mask;
        sequence[i] = outSequence;
        layer[i] = (byte) sourceLayer;
        sourceSequence[i] = sourceExtendedSequence;
        timestamp[i] = outTimestamp;
        pictureId[i] = outPictureId;
        tl0PicIdx[i] = (short) outTl0PicIdx;
        resends[i] = 0;
    }

    /** The entry of {@code outSequence}, or -1 when it was not sent or has been overwritten. */
    int find(int outSequence) {
        int i = outSequence & mask;
        return sequence[i] == (outSequence & 0xFFFF) ? i : -1;
    }

    /**
     * Whether entry {@code i} may be resent now: fewer than {@code maxResends} so far and none within
     * {@code minIntervalNanos} (a repeated NACK sent before our retransmission could have arrived). Records it.
     */
    boolean shouldResend(int i, int maxResends, long minIntervalNanos, long nowNanos) {
        if (resends[i] >= maxResends || (resends[i] > 0 && nowNanos - resentAtNanos[i] < minIntervalNanos)) {
            return false;
        }
        resends[i]++;
        resentAtNanos[i] = nowNanos;
        return true;
    }

    int sequence(int i) {
        return sequence[i];
    }

    int layer(int i) {
        return layer[i];
    }

    long sourceSequence(int i) {
        return sourceSequence[i];
    }

    int timestamp(int i) {
        return timestamp[i];
    }

    int pictureId(int i) {
        return pictureId[i];
    }

    int tl0PicIdx(int i) {
        return tl0PicIdx[i];
    }
}
