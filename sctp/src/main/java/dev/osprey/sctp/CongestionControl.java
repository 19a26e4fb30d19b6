package dev.osprey.sctp;

/**
 * Congestion and flow control of the sender (RFC 9260 §6.1, §7.2): cwnd, ssthresh, partial_bytes_acked, Fast
 * Recovery, and the peer's receive window as last advertised minus what is in flight.
 */
final class CongestionControl {
    private final long mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private long peerRwnd;
    private boolean fastRecovery;
    private long fastRecoveryExitTsn;

    CongestionControl(int mtu, long peerWindow) {
        this.mtu = mtu;
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404)); // §7.2.1
        this.ssthresh = peerWindow;
        this.peerRwnd = peerWindow;
    }

    /** §6.1 rule B / §7.2: new data may go out while less than cwnd is outstanding. */
    boolean cwndAllows(long flightBytes) {
        return flightBytes < cwnd;
    }

    /** §6.1 rule A: no new data beyond the peer's window, except one probe when nothing is in flight. */
    boolean rwndAllows(long flightBytes, int length) {
        return peerRwnd >= length || flightBytes == 0;
    }

    void onDataSent(int length) {
        peerRwnd = Math.max(0, peerRwnd - length);
    }

    /** §6.2.1: rwnd = a_rwnd minus bytes still outstanding. */
    void onPeerWindow(long advertisedWindow, long flightBytes) {
        peerRwnd = Math.max(0, advertisedWindow - flightBytes);
    }

    /**
     * §7.2.1 / §7.2.2 after a SACK: slow start or congestion avoidance, only when the window was fully used.
     *
     * @param cumulativeAdvanced the SACK moved the cumulative TSN ack point
     * @param bytesAcked         bytes newly acknowledged by cumulative ack and gap blocks
     * @param flightBefore       bytes outstanding before the SACK
     */
    void onAck(boolean cumulativeAdvanced, long bytesAcked, long flightBefore, long cumulativeTsnAck,
               long flightAfter) {
        if (fastRecovery && !Tsn.lessThan(cumulativeTsnAck, fastRecoveryExitTsn)) {
            fastRecovery = false;
        }
        boolean fullyUsed = flightBefore >= cwnd;
        if (cwnd <= ssthresh) {
            if (cumulativeAdvanced && fullyUsed && !fastRecovery) {
                cwnd += Math.min(bytesAcked, mtu);
            }
        } else {
            partialBytesAcked += bytesAcked;
            if (partialBytesAcked >= cwnd && fullyUsed) {
                partialBytesAcked -= cwnd;
                cwnd += mtu;
            }
        }
        if (flightAfter == 0) {
            partialBytesAcked = 0;
        }
    }

    /** §7.2.4 step 2: entering Fast Recovery halves the window once per loss event. */
    void onFastRetransmit(long highestOutstandingTsn) {
        if (fastRecovery) {
            return;
        }
        fastRecovery = true;
        fastRecoveryExitTsn = highestOutstandingTsn;
        ssthresh = Math.max(cwnd / 2, 4 * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
    }

    /** §7.2.3: a T3-rtx expiry collapses the window to one MTU. */
    void onRetransmissionTimeout() {
        ssthresh = Math.max(cwnd / 2, 4 * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        fastRecovery = false;
    }

    long cwnd() {
        return cwnd;
    }

    long ssthresh() {
        return ssthresh;
    }

    long peerRwnd() {
        return peerRwnd;
    }

    boolean inFastRecovery() {
        return fastRecovery;
    }
}
