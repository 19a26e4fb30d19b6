package dev.osprey.media.forward;

import dev.osprey.rtp.RtpTimestamp;

/**
 * Rewrites sequence numbers, timestamps and VP8 PictureID/TL0PICIDX so that a subscriber sees one continuous RTP
 * stream whatever the forwarder does upstream: switching simulcast layers (each with its own sequence space, timestamp
 * base and picture ids), and dropping packets on purpose (padding-only packets). Gaps caused by network loss are kept
 * (the subscriber NACKs them) and a late packet that fills one lands exactly in its hole.
 *
 * <p>The mapping is a short history of epochs: an epoch is a range of source sequence numbers of one layer with fixed
 * offsets. A layer switch closes the current epoch at the highest packet forwarded and opens one whose first output
 * continues at {@code highest output + 1}, with a timestamp advanced by the wall-clock time since the last forwarded
 * packet (at least one tick) and picture ids continuing at {@code last + 1}. An intentional drop closes the epoch just
 * before the dropped packet and opens one after it with the sequence offset one lower, so the output has no hole;
 * runs of drops merge into one epoch. Late packets are placed through the epoch their layer and sequence number fall
 * in, or dropped when it is no longer kept. Ranges never overlap, so no two packets get the same output number.
 *
 * <p>Single-threaded, allocation-free after construction: owned by the loop that forwards the track.
 */
final class StreamRewriter {
    /** Epochs kept for late packets; a power of two. */
    private static final int EPOCHS = 16;
    private static final long OPEN = Long.MAX_VALUE;
    /** Largest timestamp jump a switch introduces, whatever the pause: keeps well inside the serial window. */
    private static final long MAX_SWITCH_TICKS = 1L << 30;

    private final int[] layer = new int[EPOCHS];
    private final long[] start = new long[EPOCHS];
    private final long[] end = new long[EPOCHS];
    private final long[] seqOffset = new long[EPOCHS];
    private final int[] tsOffset = new int[EPOCHS];
    private final int[] pidOffset = new int[EPOCHS];
    private final int[] tl0Offset = new int[EPOCHS];
    private int newest = -1;
    private int count;
    private boolean forwardedInNewest;

    private final int clockRateHz;
    private boolean started;
    private boolean sentAny;
    private long highestIn;
    private long highestOut;
    private int lastOutTs;
    private long lastOutNanos;
    private int lastOutPid = -1;
    private int lastOutTl0 = -1;

    /** Results of the last successful {@link #map}. */
    private int outSequence;
    private int outTimestamp;
    private int outPictureId;
    private int outTl0PicIdx;

    StreamRewriter(int clockRateHz) {
        if (clockRateHz <= 0) {
            throw new IllegalArgumentException("clock rate must be positive");
        }
        this.clockRateHz = clockRateHz;
    }

    /** Starts forwarding a new source (a key frame of {@code layer}) at the packet {@code in}. */
    void switchSource(ReceivedPacket in, long nowNanos) {
        if (count > 0) {
            end[newest] = Math.min(end[newest], highestIn + 1);
        }
        long firstOut = started ? highestOut + 1 : in.extendedSequence;
        int ts = sentAny ? RtpTimestamp.add(lastOutTs, elapsedTicks(nowNanos)) - in.timestamp : 0;
        int pid = started && in.pictureId >= 0 && lastOutPid >= 0 ? lastOutPid + 1 - in.pictureId : 0;
        int tl0 = started && in.tl0PicIdx >= 0 && lastOutTl0 >= 0 ? lastOutTl0 + 1 - in.tl0PicIdx : 0;
        push(in.layer, in.extendedSequence, firstOut - in.extendedSequence, ts, pid, tl0);
        highestIn = in.extendedSequence - 1;
        highestOut = firstOut - 1;
        started = true;
    }

    private long elapsedTicks(long nowNanos) {
        long nanos = Math.max(0, nowNanos - lastOutNanos);
        long ticks = nanos >= MAX_SWITCH_TICKS / clockRateHz * 1_000_000_000L ? MAX_SWITCH_TICKS
                : nanos * clockRateHz / 1_000_000_000L;
        return Math.max(1, ticks);
    }

    /**
     * A packet of the current source that is not forwarded on purpose: later packets move down by one so the output
     * has no hole. Only in-order packets are skipped; a late one is ignored.
     */
    void skip(long extendedSequence) {
        if (count == 0 || extendedSequence <= highestIn) {
            return;
        }
        int e = newest;
        if (!forwardedInNewest && start[e] == extendedSequence) {
            start[e] = extendedSequence + 1;
            seqOffset[e]--;
        } else {
            // packets between the last one handled and this one are missing: their outputs stay reserved
            highestOut = Math.max(highestOut, extendedSequence - 1 + seqOffset[e]);
            end[e] = extendedSequence;
            push(layer[e], extendedSequence + 1, seqOffset[e] - 1, tsOffset[e], pidOffset[e], tl0Offset[e]);
        }
        highestIn = extendedSequence;
    }

    /**
     * Maps the next in-order packet of the current source (its layer, newer than anything mapped or skipped). Returns
     * {@code false}, changing nothing, for a packet that is not.
     */
    boolean map(ReceivedPacket in, long nowNanos) {
        long ext = in.extendedSequence;
        if (count == 0 || ext <= highestIn || in.layer != layer[newest]) {
            return false;
        }
        apply(newest, in);
        highestIn = ext;
        highestOut = ext + seqOffset[newest];
        forwardedInNewest = true;
        if (!sentAny || !RtpTimestamp.isNewer(lastOutTs, outTimestamp)) {
            lastOutTs = outTimestamp;
            lastOutNanos = nowNanos;
            sentAny = true;
        }
        if (outPictureId >= 0 && (lastOutPid < 0 || isNewerPictureId(outPictureId, lastOutPid))) {
            lastOutPid = outPictureId;
        }
        if (outTl0PicIdx >= 0 && (lastOutTl0 < 0 || (byte) (outTl0PicIdx - lastOutTl0) > 0)) {
            lastOutTl0 = outTl0PicIdx;
        }
        return true;
    }

    /**
     * Places a late packet (one that fills a gap) through the kept epoch its layer and sequence number fall in.
     * Returns {@code false}, changing nothing, when there is none: it is older than what is kept, or it was never
     * reachable (dropped on purpose, or newer than the last packet forwarded before a switch or pause).
     */
    boolean mapLate(ReceivedPacket in) {
        long ext = in.extendedSequence;
        for (int i = 0, e = newest; i < count; i++, e = (e - 1) & (EPOCHS - 1)) {
            if (layer[e] == in.layer && start[e] <= ext && ext < end[e] && (e != newest || ext <= highestIn)) {
                apply(e, in);
                return true;
            }
        }
        return false;
    }

    private void apply(int e, ReceivedPacket in) {
        outSequence = (int) (in.extendedSequence + seqOffset[e]) & 0xFFFF;
        outTimestamp = in.timestamp + tsOffset[e];
        outPictureId = in.pictureId < 0 ? -1 : (in.pictureId + pidOffset[e]) & 0x7FFF;
        outTl0PicIdx = in.tl0PicIdx < 0 ? -1 : (in.tl0PicIdx + tl0Offset[e]) & 0xFF;
    }

    private static boolean isNewerPictureId(int a, int b) {
        int d = (a - b) & 0x7FFF;
        return d != 0 && d < 0x4000;
    }

    private void push(int sourceLayer, long from, long seq, int ts, int pid, int tl0) {
        newest = (newest + 1) & (EPOCHS - 1);
        count = Math.min(count + 1, EPOCHS);
        layer[newest] = sourceLayer;
        start[newest] = from;
        end[newest] = OPEN;
        seqOffset[newest] = seq;
        tsOffset[newest] = ts;
        pidOffset[newest] = pid;
        tl0Offset[newest] = tl0;
        forwardedInNewest = false;
    }

    /** The layer of the newest epoch (the source being forwarded), -1 before the first. */
    int newestLayer() {
        return count == 0 ? -1 : layer[newest];
    }

    /** The timestamp offset (output minus source) of the newest epoch. */
    int newestTimestampOffset() {
        return count == 0 ? 0 : tsOffset[newest];
    }

    boolean started() {
        return started;
    }

    /** Whether any packet was mapped in order (so {@link #lastOutTimestamp()} means something). */
    boolean sentAny() {
        return sentAny;
    }

    int outSequence() {
        return outSequence;
    }

    int outTimestamp() {
        return outTimestamp;
    }

    /** Rewritten VP8 PictureID (15-bit), or -1 when the packet had none. */
    int outPictureId() {
        return outPictureId;
    }

    /** Rewritten TL0PICIDX, or -1 when the packet had none. */
    int outTl0PicIdx() {
        return outTl0PicIdx;
    }

    /** Highest output timestamp so far and the monotonic time it was sent: what a sender report extrapolates. */
    int lastOutTimestamp() {
        return lastOutTs;
    }

    long lastOutNanos() {
        return lastOutNanos;
    }
}
