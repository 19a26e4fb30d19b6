package dev.osprey.media.forward;

/**
 * Steps a subscriber up to a higher simulcast layer that its bandwidth estimate does not yet cover. A receive-side
 * estimator (REMB, draft-alvestrand-rmcat-remb) only grows to about one and a half times the rate it receives, so a
 * subscriber held on a low layer never reports room for a higher one: without probing, a layer chosen while
 * bandwidth was short (or before the publisher sent its higher layers) would stay low for good. Osprey probes with
 * the media itself: it sends the next layer up, and keeps it while the estimate does not fall, until the estimate
 * covers that layer (success) or a limit passes (failure, with exponential back-off before the next try). A falling
 * estimate means the path is congested, and ends the probe at once. On the track's loop.
 */
final class LayerProbe {
    /** An estimate this much below the one at the start of a probe is congestion, not a ramp. */
    static final double CONGESTION_DROP = 0.85;
    /** A probe succeeds when the share reaches this fraction of the probed layer's bitrate. */
    static final double COVERED = 0.8;
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Longest a probe may hold a layer the estimate does not cover: the estimator ramps about 8 % a second. */
    static final long MAX_PROBE_NANOS = 15 * NANOS_PER_SECOND;
    static final long MIN_BACKOFF_NANOS = 5 * NANOS_PER_SECOND;
    static final long MAX_BACKOFF_NANOS = 60 * NANOS_PER_SECOND;

    private int probing = -1;
    private int lastLimited = -1;
    private long startedNanos;
    private long estimateAtStart;
    private long nextProbeNanos;
    private long backoffNanos = MIN_BACKOFF_NANOS;

    /**
     * @param limited   the layer the selector chose within the bandwidth share
     * @param unlimited the layer it would choose without a bandwidth limit (what the subscriber's size asks for)
     * @param estimate  the subscriber's current estimate (0: none)
     * @param share     this stream's share of the estimate
     * @return the layer to forward
     */
    int adjust(TrackReceiver[] layers, int limited, int unlimited, long estimate, long share, long nowNanos,
               long inactiveNanos) {
        if (limited < lastLimited && unlimited > limited && probing < 0) {
            // the estimate just forced a lower layer: congestion, so no probing back up straight away
            nextProbeNanos = Math.max(nextProbeNanos, nowNanos + MIN_BACKOFF_NANOS);
        }
        lastLimited = limited;
        if (probing >= 0) {
            return continueProbe(layers, limited, unlimited, estimate, share, nowNanos, inactiveNanos);
        }
        if (unlimited > limited && estimate > 0 && nowNanos - nextProbeNanos >= 0) {
            int next = nextActiveAbove(layers, limited, unlimited, nowNanos, inactiveNanos);
            if (next >= 0) {
                probing = next;
                startedNanos = nowNanos;
                estimateAtStart = estimate;
                return next;
            }
        }
        return limited;
    }

    private int continueProbe(TrackReceiver[] layers, int limited, int unlimited, long estimate, long share,
                              long nowNanos, long inactiveNanos) {
        int layer = probing;
        if (layer > unlimited || !layers[layer].isActive(nowNanos, inactiveNanos)) {
            probing = -1; // the subscriber shrank or the publisher paused the layer: nothing to probe for
            return limited;
        }
        if (limited >= layer || share >= (long) (layers[layer].bitrateBps() * COVERED)) {
            probing = -1; // the estimate covers it now
            backoffNanos = MIN_BACKOFF_NANOS;
            nextProbeNanos = nowNanos;
            return Math.max(limited, layer);
        }
        if (estimate < estimateAtStart * CONGESTION_DROP || nowNanos - startedNanos > MAX_PROBE_NANOS) {
            probing = -1;
            nextProbeNanos = nowNanos + backoffNanos;
            backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
            return limited;
        }
        return layer;
    }

    private static int nextActiveAbove(TrackReceiver[] layers, int from, int upTo, long nowNanos, long inactive) {
        for (int i = Math.max(from + 1, 0); i <= upTo && i < layers.length; i++) {
            if (layers[i].isActive(nowNanos, inactive)) {
                return i;
            }
        }
        return -1;
    }

    /** The layer being probed, -1 when none. */
    int probing() {
        return probing;
    }
}
