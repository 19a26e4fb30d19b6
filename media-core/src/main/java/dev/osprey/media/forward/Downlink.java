package dev.osprey.media.forward;

import dev.osprey.media.rtcp.RtcpSender;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The way to one subscriber's peer connection, shared by all the {@link TrackSender}s feeding it: the transport's
 * sink (attached once the transport exists), RTCP toward the subscriber (sender reports), and the bandwidth the
 * subscriber's estimator reports (REMB), shared out among its video streams.
 */
public final class Downlink {
    private final RtcpSender rtcp;
    private volatile EgressSink sink;
    private volatile long estimatedBps;
    private final AtomicInteger videoStreams = new AtomicInteger();

    /** @param rtcpSsrc the SSRC Osprey's RTCP to this subscriber is sent from */
    public Downlink(int rtcpSsrc, int tailroomBytes) {
        this.rtcp = new RtcpSender(rtcpSsrc, tailroomBytes);
    }

    public void attach(EgressSink newSink) {
        this.sink = newSink;
        rtcp.attach(newSink);
    }

    /** The transport's sink, {@code null} until attached. */
    public EgressSink sink() {
        return sink;
    }

    public RtcpSender rtcp() {
        return rtcp;
    }

    /** Records the subscriber's receive-side estimate (REMB, draft-alvestrand-rmcat-remb §2), 0 = unknown. */
    public void setEstimatedBps(long bps) {
        this.estimatedBps = Math.max(0, bps);
    }

    public long estimatedBps() {
        return estimatedBps;
    }

    /** The share of the estimate one video stream may use; {@link Long#MAX_VALUE} without an estimate. */
    public long shareBps() {
        long estimate = estimatedBps;
        return estimate == 0 ? Long.MAX_VALUE : estimate / Math.max(1, videoStreams.get());
    }

    void videoStreamAdded() {
        videoStreams.incrementAndGet();
    }

    void videoStreamRemoved() {
        videoStreams.decrementAndGet();
    }
}
