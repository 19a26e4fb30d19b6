package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.SequenceNumber;

import java.util.Arrays;

/**
 * Transport-wide congestion control feedback, draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1 (RTPFB,
 * FMT 15): for {@code packet status count} transport-wide sequence numbers from {@code base sequence number}, whether
 * each arrived and, if so, its arrival time as a delta (in 250 µs ticks) from the previous arrival, the first one
 * from {@code reference time} (a signed 24-bit count of 64 ms).
 *
 * <p>Statuses come in 16-bit chunks: run-length (T=0: a 2-bit symbol repeated up to 8191 times) or status vector
 * (T=1: fourteen 1-bit or seven 2-bit symbols). Symbols: 0 not received, 1 received with a one-byte delta, 2
 * received with a two-byte signed delta; 3 is reserved and rejected. {@link #wrap} decodes all chunks and deltas into
 * this object's arrays (grown once, then reused) and rejects a packet whose chunks or deltas do not fit, or that
 * leaves more than three unexplained bytes at the end.
 */
public final class TransportFeedback extends FeedbackPacket {
    public static final int FMT = 15;
    public static final int NOT_RECEIVED = 0;
    public static final int RECEIVED_SMALL_DELTA = 1;
    public static final int RECEIVED_LARGE_DELTA = 2;
    /** Receive delta unit in microseconds. */
    public static final int DELTA_TICK_MICROS = 250;
    /** Reference time unit in microseconds. */
    public static final int REFERENCE_TIME_UNIT_MICROS = 64_000;

    private byte[] statuses = new byte[64];
    private short[] deltas = new short[64];
    private int receivedCount;

    public TransportFeedback() {
        super(RtcpPacketType.RTPFB, FMT);
    }

    @Override
    protected String validateFci() {
        if (fciLength() < 8) {
            return "shorter than the 8 fixed FCI bytes";
        }
        int count = statusCount();
        if (count == 0) {
            return "packet status count is 0";
        }
        if (statuses.length < count) {
            statuses = new byte[Math.max(count, 2 * statuses.length)];
            deltas = new short[statuses.length];
        }
        int at = readChunks(fciIndex() + 8, count);
        if (at < 0) {
            return "packet chunks run past the end or carry a reserved symbol";
        }
        at = readDeltas(at, count);
        if (at < 0) {
            return "receive deltas run past the end";
        }
        int trailing = offset + length - at;
        return trailing > 3 ? trailing + " unexplained bytes after the receive deltas" : null;
    }

    /** Decodes chunks into {@link #statuses}; returns the index after the last chunk or -1. */
    private int readChunks(int at, int count) {
        int end = offset + length;
        int filled = 0;
        while (filled < count) {
            if (at + 2 > end) {
                return -1;
            }
            int chunk = buf.getUnsignedShort(at);
            at += 2;
            int added = (chunk & 0x8000) == 0 ? runLength(chunk, filled, count) : vector(chunk, filled, count);
            if (added <= 0) {
                return -1;
            }
            filled += added;
        }
        return at;
    }

    private int runLength(int chunk, int filled, int count) {
        int symbol = chunk >>> 13 & 3;
        int run = Math.min(chunk & 0x1FFF, count - filled);
        if (symbol == 3 || run == 0) {
            return -1;
        }
        Arrays.fill(statuses, filled, filled + run, (byte) symbol);
        return run;
    }

    private int vector(int chunk, int filled, int count) {
        boolean twoBit = (chunk & 0x4000) != 0;
        int symbols = Math.min(twoBit ? 7 : 14, count - filled);
        for (int i = 0; i < symbols; i++) {
            int symbol = twoBit ? chunk >>> (12 - 2 * i) & 3 : chunk >>> (13 - i) & 1;
            if (symbol == 3) {
                return -1;
            }
            statuses[filled + i] = (byte) symbol;
        }
        return symbols;
    }

    private int readDeltas(int at, int count) {
        int end = offset + length;
        receivedCount = 0;
        for (int i = 0; i < count; i++) {
            int status = statuses[i];
            if (status == NOT_RECEIVED) {
                continue;
            }
            int size = status == RECEIVED_SMALL_DELTA ? 1 : 2;
            if (at + size > end) {
                return -1;
            }
            deltas[i] = size == 1 ? (short) buf.getUnsignedByte(at) : buf.getShort(at);
            at += size;
            receivedCount++;
        }
        return at;
    }

    public int baseSequence() {
        return buf.getUnsignedShort(fciIndex());
    }

    public int statusCount() {
        return buf.getUnsignedShort(fciIndex() + 2);
    }

    /** Signed 24-bit reference time in units of 64 ms. */
    public int referenceTime() {
        return buf.getMedium(fciIndex() + 4);
    }

    public long referenceTimeMicros() {
        return (long) referenceTime() * REFERENCE_TIME_UNIT_MICROS;
    }

    /** The 8-bit feedback packet counter, for detecting lost feedback. */
    public int feedbackPacketCount() {
        return buf.getUnsignedByte(fciIndex() + 7);
    }

    /** Status of the {@code i}-th packet ({@code baseSequence + i}): 0, 1 or 2. */
    public int status(int i) {
        checkIndex(i);
        return statuses[i];
    }

    public boolean isReceived(int i) {
        return status(i) != NOT_RECEIVED;
    }

    /** Transport-wide sequence number of the {@code i}-th status. */
    public int sequenceNumber(int i) {
        checkIndex(i);
        return SequenceNumber.add(baseSequence(), i);
    }

    /** Arrival delta of a received packet in 250 µs ticks (from the previous arrival or the reference time). */
    public int receiveDeltaTicks(int i) {
        if (status(i) == NOT_RECEIVED) {
            throw new IllegalStateException("packet " + i + " was not received");
        }
        return deltas[i];
    }

    public int receivedCount() {
        return receivedCount;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= statusCount()) {
            throw new IndexOutOfBoundsException("status " + i + " of " + statusCount());
        }
    }
}
