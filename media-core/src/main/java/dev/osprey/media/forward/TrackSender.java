package dev.osprey.media.forward;

import dev.osprey.media.api.TrackSettings;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.nack.RetransmissionCache;
import dev.osprey.rtp.nack.RtxPayload;
import dev.osprey.rtp.rtcp.NtpTime;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One subscription on the hot path: its {@link Forwarder} picks the layer and rewrites numbering so the subscriber
 * sees one continuous stream on one SSRC; each forwarded packet becomes exactly one pooled copy with the rewritten
 * header, handed to the subscriber's transport. It answers the subscriber's NACKs from the receivers' retransmission
 * caches (as RTX when negotiated, RFC 4588), turns its PLI/FIR into rate-limited key frame requests to the publisher,
 * measures the round trip from its receiver reports, and sends a sender report per reporting interval.
 *
 * <p>Forwarding state is owned by the track's loop; parameters and settings arrive from the control path as volatile
 * snapshots, and feedback from the subscriber's loop is handed over with {@code execute}.
 */
public final class TrackSender implements AutoCloseable {
    private final TrackFanout fanout;
    private final Downlink downlink;
    private final int ssrc;
    private final int rtxSsrc;
    private final Forwarder forwarder;
    private final SentPacketLog log;
    private volatile SenderParameters parameters;
    private volatile TrackSettings settings = TrackSettings.DEFAULT;
    private volatile long rttNanos;
    private volatile int fractionLost;
    private int targetLayer = -1;
    private final LayerProbe probe = new LayerProbe();
    private int rtxSequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private int lastReportCompactNtp;
    private boolean closed;

    long packetsSent;
    long bytesSent;
    long payloadBytesSent;
    long retransmitted;
    long nacksReceived;
    long nackMisses;
    long keyframeRequestsReceived;
    long unsupportedPayloads;

    public TrackSender(TrackFanout fanout, Downlink downlink, long ssrc, long rtxSsrc) {
        this.fanout = fanout;
        this.downlink = downlink;
        this.ssrc = (int) ssrc;
        this.rtxSsrc = (int) rtxSsrc;
        this.forwarder = new Forwarder(fanout.clockRateHz());
        this.log = new SentPacketLog(fanout.config().retransmissionCacheCapacity());
        if (fanout.isVideo()) {
            downlink.videoStreamAdded();
        }
        fanout.loop().run(() -> selectLayer(fanout.loop().nanos()));
    }

    /** The subscriber's negotiated parameters, compiled against the publisher's; forwarding starts once set. */
    public void setParameters(SenderParameters compiled) {
        this.parameters = compiled;
    }

    /** UpdateTrackSettings: takes effect at once (the next key frame of the newly chosen layer). */
    public void updateSettings(TrackSettings newSettings) {
        this.settings = newSettings;
        fanout.loop().run(() -> selectLayer(fanout.loop().nanos()));
    }

    void forward(RtpPacket packet, ReceivedPacket info) {
        SenderParameters p = parameters;
        EgressSink sink = downlink.sink();
        if (p == null || sink == null || closed) {
            return;
        }
        long now = info.arrivalNanos;
        boolean forwardable = p.payloadType(packet.payloadType()) >= 0;
        boolean accepted = forwarder.accept(info, targetLayer, now, forwardable);
        if (forwarder.keyframeWanted()) {
            fanout.requestKeyframe(targetLayer, now);
        }
        if (!forwardable) {
            unsupportedPayloads++;
            return;
        }
        if (!accepted) {
            return;
        }
        StreamRewriter w = forwarder.rewriter();
        ByteBuf copy = fanout.egress().write(packet, p, ssrc, w.outSequence(), w.outTimestamp(), w.outPictureId(),
                w.outTl0PicIdx(), sink.allocator(), now);
        log.record(w.outSequence(), info.layer, info.extendedSequence, w.outTimestamp(), w.outPictureId(),
                w.outTl0PicIdx());
        packetsSent++;
        bytesSent += copy.readableBytes();
        payloadBytesSent += packet.payloadLength();
        sink.sendRtp(copy);
    }

    /** Periodic work on the track's loop: layer selection, and the sender report when {@code report} is due. */
    void onTick(long nowNanos, boolean report) {
        selectLayer(nowNanos);
        if (report && packetsSent > 0 && forwarder.rewriter().sentAny()) {
            sendSenderReport(nowNanos);
        }
    }

    private void selectLayer(long nowNanos) {
        long share = fanout.isVideo() ? downlink.shareBps() : Long.MAX_VALUE;
        TrackReceiver[] layers = fanout.receivers();
        long inactive = fanout.config().layerInactiveNanos();
        int limited = LayerSelector.select(layers, settings, share, nowNanos, inactive);
        int unlimited = share == Long.MAX_VALUE ? limited
                : LayerSelector.select(layers, settings, Long.MAX_VALUE, nowNanos, inactive);
        targetLayer = probe.adjust(layers, limited, unlimited, downlink.estimatedBps(), share, nowNanos, inactive);
    }

    /**
     * RFC 3550 §6.4.1. The RTP timestamp is that of "now" on the outgoing timeline: from the publisher's own sender
     * report of the forwarded layer when there is one (its RTP/wall-clock anchor, moved by the time since it
     * arrived), else extrapolated from the last packet sent. Both audio and video of a publisher are anchored the
     * same way, which keeps them in sync at the subscriber.
     */
    private void sendSenderReport(long nowNanos) {
        Instant wall = fanout.wallClock().instant();
        long ntp = NtpTime.fromUnixNanos(wall.getEpochSecond() * 1_000_000_000L + wall.getNano());
        downlink.rtcp().sendSenderReport(ssrc, ntp, rtpTimestampAt(nowNanos), packetsSent, payloadBytesSent);
        lastReportCompactNtp = NtpTime.compact(ntp);
    }

    int rtpTimestampAt(long nowNanos) {
        StreamRewriter w = forwarder.rewriter();
        TrackReceiver r = fanout.receiver(forwarder.currentLayer());
        if (r != null && r.hasSenderReport() && w.newestLayer() == r.layer()) {
            long elapsed = ticks(nowNanos - r.senderReportArrivalNanos());
            return r.senderReportRtpTimestamp() + (int) elapsed + w.newestTimestampOffset();
        }
        return w.lastOutTimestamp() + (int) ticks(nowNanos - w.lastOutNanos());
    }

    private long ticks(long nanos) {
        return nanos * fanout.clockRateHz() / 1_000_000_000L;
    }

    /** A receiver report block about our stream (on the track's loop): round trip (RFC 3550 §6.4.1) and loss. */
    public void onReceiverReport(int fraction, long lastSenderReport, long delaySinceLastSenderReport) {
        this.fractionLost = fraction;
        if (lastSenderReport != 0) {
            Instant wall = fanout.wallClock().instant();
            int nowCompact = NtpTime.compact(NtpTime.fromUnixNanos(wall.getEpochSecond() * 1_000_000_000L + wall.getNano()));
            long rtt = NtpTime.roundTripNanos(nowCompact, lastSenderReport, delaySinceLastSenderReport);
            if (rtt >= 0) {
                rttNanos = rtt;
            }
        }
    }

    /** The subscriber asked for a key frame (PLI/FIR): passed on to the publisher, rate-limited. */
    public void onKeyframeRequest(long nowNanos) {
        keyframeRequestsReceived++;
        int layer = forwarder.currentLayer() >= 0 ? forwarder.currentLayer() : targetLayer;
        fanout.requestKeyframe(layer, nowNanos);
    }

    /** The subscriber NACKed {@code count} of our sequence numbers: resend what is still cached. */
    public void onNack(int[] sequenceNumbers, int count, long nowNanos) {
        for (int i = 0; i < count; i++) {
            nacksReceived++;
            retransmit(sequenceNumbers[i] & 0xFFFF, nowNanos);
        }
    }

    private void retransmit(int sequenceNumber, long nowNanos) {
        SenderParameters p = parameters;
        EgressSink sink = downlink.sink();
        int entry = log.find(sequenceNumber);
        if (p == null || sink == null || closed || entry < 0) {
            nackMisses++;
            return;
        }
        long minInterval = Math.max(rttNanos, fanout.config().nack().minRetryIntervalNanos());
        if (!log.shouldResend(entry, fanout.config().maxRetransmissions(), minInterval, nowNanos)) {
            return;
        }
        TrackReceiver r = fanout.receiver(log.layer(entry));
        RetransmissionCache cache = r == null ? null : r.cache();
        int slot = cache == null ? -1 : cache.find(log.sourceSequence(entry));
        RtpPacket cached = fanout.cachedView();
        if (slot < 0 || !cached.tryWrap(cache.buffer(slot), cache.offset(slot), cache.length(slot))) {
            nackMisses++;
            return;
        }
        ByteBuf copy = fanout.egress().write(cached, p, ssrc, sequenceNumber, log.timestamp(entry),
                log.pictureId(entry), log.tl0PicIdx(entry), sink.allocator(), nowNanos);
        if (copy == null) {
            nackMisses++;
            return;
        }
        if (p.rtxPayloadType() >= 0) {
            copy = toRtx(copy, p.rtxPayloadType(), sink.allocator());
        }
        retransmitted++;
        sink.sendRtp(copy);
    }

    /** RFC 4588 §4: the rewritten packet on our RTX SSRC, with its own sequence number and the OSN. */
    private ByteBuf toRtx(ByteBuf original, int rtxPayloadType, ByteBufAllocator allocator) {
        try {
            RtpPacket view = fanout.rtxView().wrap(original);
            EgressRewriter e = fanout.egress();
            ByteBuf rtx = allocator.directBuffer(e.headroom() + original.readableBytes() + RtxPayload.OSN_LENGTH
                    + e.tailroom());
            rtx.setIndex(e.headroom(), e.headroom());
            RtxPayload.writeRtx(view, rtx, rtxPayloadType, rtxSsrc, rtxSequence);
            rtxSequence = (rtxSequence + 1) & 0xFFFF;
            return rtx;
        } finally {
            original.release();
        }
    }

    /** Sets the next RTX sequence number (it starts random, RFC 3550 §5.1); for tests of the wraparound. */
    void startRtxSequenceAt(int sequenceNumber) {
        rtxSequence = sequenceNumber & 0xFFFF;
    }

    public int ssrc() {
        return ssrc;
    }

    public int rtxSsrc() {
        return rtxSsrc;
    }

    public TrackFanout fanout() {
        return fanout;
    }

    /** The layer being forwarded, -1 before the first key frame or while paused. */
    public int currentLayer() {
        return forwarder.currentLayer();
    }

    /** The layer the selector wants. */
    public int targetLayer() {
        return targetLayer;
    }

    public long rttNanos() {
        return rttNanos;
    }

    /** Fraction lost from the subscriber's last report, in 1/256 (RFC 3550 §6.4.1). */
    public int fractionLost() {
        return fractionLost;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long retransmitted() {
        return retransmitted;
    }

    public long nacksReceived() {
        return nacksReceived;
    }

    public long keyframeRequestsReceived() {
        return keyframeRequestsReceived;
    }

    /** Compact NTP of our last sender report (what the subscriber echoes as LSR). */
    int lastReportCompactNtp() {
        return lastReportCompactNtp;
    }

    /** Stops forwarding (on the track's loop). The caller removed it from the fan-out first. */
    @Override
    public void close() {
        fanout.loop().run(() -> {
            if (!closed) {
                closed = true;
                if (fanout.isVideo()) {
                    downlink.videoStreamRemoved();
                }
            }
        });
    }

    @Override
    public String toString() {
        return "TrackSender[" + fanout.trackId() + " ssrc " + Integer.toUnsignedString(ssrc) + "]";
    }
}
