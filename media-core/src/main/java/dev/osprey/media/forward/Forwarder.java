package dev.osprey.media.forward;

/**
 * Decides, for one subscriber, what happens to each packet of a track: forwarded (with rewritten sequence number,
 * timestamp and picture ids from its {@link StreamRewriter}) or dropped. It forwards one layer at a time and moves to
 * the target layer only at a key frame of that layer (a decoder cannot continue a different encoding mid-stream);
 * until then it keeps forwarding the current layer and reports that a key frame is wanted, which the caller turns
 * into a rate-limited PLI. A target of -1 pauses the track; resuming needs a key frame again.
 *
 * <p>Late packets are forwarded only when they fill a gap (retransmissions answered by the publisher, reordering),
 * through the epoch of the layer they belong to; duplicates are dropped. Padding-only packets are dropped without
 * leaving a hole. Single-threaded; no allocation.
 */
final class Forwarder {
    private final StreamRewriter rewriter;
    private int currentLayer = -1;
    private boolean keyframeWanted;

    Forwarder(int clockRateHz) {
        this.rewriter = new StreamRewriter(clockRateHz);
    }

    /** {@link #accept(ReceivedPacket, int, long, boolean)} for a packet the subscriber can decode. */
    boolean accept(ReceivedPacket in, int targetLayer, long nowNanos) {
        return accept(in, targetLayer, nowNanos, true);
    }

    /**
     * Decides for packet {@code in} given the layer this subscriber should get ({@code -1}: none). Returns whether to
     * forward it; if so the rewritten values are in {@link #rewriter()}. A packet that is not {@code forwardable}
     * (a payload type the subscriber did not negotiate) is dropped like padding: without leaving a hole.
     */
    boolean accept(ReceivedPacket in, int targetLayer, long nowNanos, boolean forwardable) {
        keyframeWanted = false;
        if (in.late) {
            return forwardable && in.recovered && rewriter.mapLate(in);
        }
        if (targetLayer < 0) {
            currentLayer = -1;
            return false;
        }
        if (in.layer != currentLayer) {
            if (in.layer != targetLayer) {
                return false;
            }
            if (!in.keyframe || in.paddingOnly || !forwardable) {
                keyframeWanted = true;
                return false;
            }
            currentLayer = targetLayer;
            rewriter.switchSource(in, nowNanos);
        } else if (targetLayer != currentLayer) {
            keyframeWanted = true;
        }
        if (in.paddingOnly || !forwardable) {
            rewriter.skip(in.extendedSequence);
            return false;
        }
        return rewriter.map(in, nowNanos);
    }

    /** Whether the last {@link #accept} found the target layer waiting for a key frame. */
    boolean keyframeWanted() {
        return keyframeWanted;
    }

    /** The layer being forwarded, -1 before the first key frame or while paused. */
    int currentLayer() {
        return currentLayer;
    }

    StreamRewriter rewriter() {
        return rewriter;
    }
}
