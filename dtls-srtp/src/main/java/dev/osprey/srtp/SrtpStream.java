package dev.osprey.srtp;

/**
 * Per-SSRC state of one SRTP session: the rollover counter and highest sequence number for RTP index estimation
 * (RFC 3711 §3.3.1 and Appendix A), the next SRTCP index on send (§3.4), and the replay windows (§3.3.2).
 */
final class SrtpStream {

    /** Window of the replay list: 64 indices behind the highest, one bit each (§3.3.2 asks for at least 64). */
    static final int REPLAY_WINDOW = 64;

    private boolean started;
    private long highestIndex;
    private long replayBits;

    private int nextRtcpIndex;
    private boolean rtcpStarted;
    private int highestRtcpIndex;
    private long rtcpReplayBits;

    /**
     * Estimates the 48-bit packet index i = 2^16 * ROC + SEQ of a packet with sequence number {@code seq}: the
     * index closest to the highest one seen (Appendix A's guess of v among ROC-1, ROC, ROC+1). Before the first
     * packet the ROC is zero (§3.3.1). Returns -1 when the guess would fall before index 0.
     */
    long estimateIndex(int seq) {
        if (!started) {
            return seq;
        }
        long roc = highestIndex >>> 16;
        int highestSeq = (int) (highestIndex & 0xFFFF);
        long v;
        if (highestSeq < 0x8000) {
            v = seq - highestSeq > 0x8000 ? roc - 1 : roc;
        } else {
            v = highestSeq - 0x8000 > seq ? roc + 1 : roc;
        }
        if (v < 0) {
            return -1;
        }
        return (v << 16) | seq;
    }

    /** Whether {@code index} was seen or is older than the window. */
    boolean isReplayedRtp(long index) {
        return started && replayed(highestIndex - index, replayBits);
    }

    /** Records an authenticated (or sent) index: moves the ROC and highest sequence number forward, marks replay. */
    void acceptRtp(long index) {
        if (!started) {
            started = true;
            highestIndex = index;
            replayBits = 1;
            return;
        }
        long delta = index - highestIndex;
        if (delta > 0) {
            replayBits = delta >= REPLAY_WINDOW ? 1 : (replayBits << delta) | 1;
            highestIndex = index;
        } else if (-delta < REPLAY_WINDOW) {
            replayBits |= 1L << -delta;
        }
    }

    /** The highest index accepted so far; -1 before the first packet. */
    long highestIndex() {
        return started ? highestIndex : -1;
    }

    /** Returns the SRTCP index for the next packet sent, or -1 once the 31-bit space is used up (§3.4). */
    int takeRtcpIndex() {
        if (nextRtcpIndex < 0) {
            return -1;
        }
        return nextRtcpIndex++;
    }

    /** Sets the next SRTCP index to send (tests use it to reproduce RFC vectors). */
    void nextRtcpIndex(int index) {
        nextRtcpIndex = index;
    }

    boolean isReplayedRtcp(int index) {
        return rtcpStarted && replayed((long) highestRtcpIndex - index, rtcpReplayBits);
    }

    void acceptRtcp(int index) {
        if (!rtcpStarted) {
            rtcpStarted = true;
            highestRtcpIndex = index;
            rtcpReplayBits = 1;
            return;
        }
        long delta = (long) index - highestRtcpIndex;
        if (delta > 0) {
            rtcpReplayBits = delta >= REPLAY_WINDOW ? 1 : (rtcpReplayBits << delta) | 1;
            highestRtcpIndex = index;
        } else if (-delta < REPLAY_WINDOW) {
            rtcpReplayBits |= 1L << -delta;
        }
    }

    private static boolean replayed(long behind, long bits) {
        if (behind < 0) {
            return false;
        }
        return behind >= REPLAY_WINDOW || (bits & (1L << behind)) != 0;
    }
}
