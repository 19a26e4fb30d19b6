package dev.osprey.media.rtcp;

import java.util.Arrays;

/**
 * Asks a publisher for key frames, at most once per {@code minIntervalNanos} per simulcast layer: every subscriber
 * that starts or switches layers wants one, and a burst of PLIs would make the encoder send several key frames in a
 * row for nothing. Uses PLI (RFC 4585 §6.3.1) when the publisher negotiated {@code nack pli}, else FIR (RFC 5104
 * §4.3.1) with a command sequence number that increases per new request. Single-threaded (the track's loop).
 */
public final class KeyframeRequester {
    private final RtcpSender rtcp;
    private final long minIntervalNanos;
    private final boolean usePli;
    private final long[] lastRequestNanos;
    private final boolean[] requested;
    private final int[] firSequence;
    private long sent;
    private long suppressed;

    /**
     * @param layers           number of simulcast layers of the track
     * @param usePli           PLI negotiated (otherwise FIR)
     */
    public KeyframeRequester(RtcpSender rtcp, int layers, long minIntervalNanos, boolean usePli) {
        this.rtcp = rtcp;
        this.minIntervalNanos = minIntervalNanos;
        this.usePli = usePli;
        this.lastRequestNanos = new long[layers];
        this.requested = new boolean[layers];
        this.firSequence = new int[layers];
        Arrays.fill(firSequence, -1);
    }

    /**
     * Requests a key frame of {@code layer} sent on {@code mediaSsrc}; returns whether a request went out (rather than
     * being suppressed by the rate limit or having no SSRC to address yet).
     */
    public boolean request(int layer, long mediaSsrc, long nowNanos) {
        if (layer < 0 || layer >= requested.length || mediaSsrc < 0) {
            return false;
        }
        if (requested[layer] && nowNanos - lastRequestNanos[layer] < minIntervalNanos) {
            suppressed++;
            return false;
        }
        requested[layer] = true;
        lastRequestNanos[layer] = nowNanos;
        boolean out = usePli ? rtcp.sendPli((int) mediaSsrc)
                : rtcp.sendFir((int) mediaSsrc, firSequence[layer] = (firSequence[layer] + 1) & 0xFF);
        if (out) {
            sent++;
        }
        return out;
    }

    /** Requests that went out. */
    public long sentCount() {
        return sent;
    }

    /** Requests swallowed by the rate limit. */
    public long suppressedCount() {
        return suppressed;
    }
}
