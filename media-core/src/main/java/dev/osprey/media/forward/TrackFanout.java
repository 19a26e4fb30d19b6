package dev.osprey.media.forward;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.Codec;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.RtcpFeedback;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.Tickable;
import dev.osprey.media.rtcp.KeyframeRequester;
import dev.osprey.media.rtcp.RtcpSender;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.rtcp.ReportBlock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A published track on the hot path: its {@link TrackReceiver}s (one per simulcast layer, lowest first) and the
 * subscribers it fans out to. The subscriber array is an immutable snapshot, swapped on (un)subscribe and read without
 * locking for every packet; each {@link TrackSender} decides for itself and makes its one copy.
 *
 * <p>Owned by the publisher's loop: packets, ticks and feedback handed over from subscribers' loops run there. Its
 * tick generates NACKs and receiver reports toward the publisher and lets every sender reselect its layer and send
 * its sender report.
 */
public final class TrackFanout implements Tickable, AutoCloseable {
    private static final TrackSender[] NO_SENDERS = new TrackSender[0];
    private static final long MAX_SENDER_REPORT_SPACING = 5_000_000_000L;

    private final TrackId trackId;
    private final MediaLoop loop;
    private final MediaCoreConfig config;
    private final Clock wallClock;
    private final MediaKind kind;
    private final int clockRateHz;
    private final TrackReceiver[] receivers;
    private final RtcpSender publisherRtcp;
    private final KeyframeRequester keyframes;
    private final EgressRewriter egress;
    private final RtpPacket cachedView = new RtpPacket();
    private final RtpPacket rtxView = new RtpPacket();
    private final int[] nackScratch = new int[256];
    private volatile TrackSender[] senders = NO_SENDERS;
    private volatile int audioLevelId;
    private volatile int[] associatedPayloadTypes = new int[128];
    private volatile boolean sendNacks;
    private long nextReportNanos;
    private boolean closed;
    long forwardFailures;
    long nacksSent;

    public TrackFanout(TrackId trackId, TrackPublishRequest request, RtpParameters published, RtcpSender publisherRtcp,
                       MediaLoop loop, MediaCoreConfig config, Clock wallClock) {
        this.trackId = trackId;
        this.loop = loop;
        this.config = config;
        this.wallClock = wallClock;
        this.kind = published.kind();
        Codec primary = published.primaryCodec().orElseThrow(
                () -> new IllegalArgumentException("track " + trackId + " negotiated no media codec"));
        this.clockRateHz = primary.clockRateHz();
        this.publisherRtcp = publisherRtcp;
        List<Encoding> layers = layersOf(request, published);
        this.receivers = new TrackReceiver[layers.size()];
        for (int i = 0; i < receivers.length; i++) {
            receivers[i] = new TrackReceiver(this, i, layers.get(i), clockRateHz, new PayloadInspector(published),
                    kind == MediaKind.AUDIO, config, loop.nanoClock());
        }
        this.keyframes = new KeyframeRequester(publisherRtcp, receivers.length, config.keyframeRequestIntervalNanos(),
                primary.accepts(RtcpFeedback.NACK_PLI) || !primary.accepts(RtcpFeedback.CCM_FIR));
        this.egress = new EgressRewriter(config.egressHeadroomBytes(), config.srtpTailroomBytes());
        applyParameters(published);
    }

    /**
     * The streams of the track, lowest quality first: the negotiated encodings (rid-based simulcast, or SSRCs), with
     * quality and size from the publish request's layers matched by rid, else LiveKit's default q/h/f qualities.
     */
    static List<Encoding> layersOf(TrackPublishRequest request, RtpParameters published) {
        List<Encoding> negotiated = published.encodings().isEmpty()
                ? List.of(Encoding.ofSsrc(Encoding.UNKNOWN_SSRC, Encoding.UNKNOWN_SSRC)) : published.encodings();
        List<Encoding> layers = new ArrayList<>();
        for (Encoding e : negotiated) {
            Encoding described = request.layers().stream().filter(l -> l.hasRid() && l.rid().equals(e.rid()))
                    .findFirst().orElse(null);
            LayerQuality quality = described != null ? described.quality()
                    : e.hasRid() ? LayerQuality.fromDefaultRid(e.rid()) : e.quality();
            int width = described != null ? described.maxWidth() : negotiated.size() == 1 ? request.width() : e.maxWidth();
            int height = described != null ? described.maxHeight() : negotiated.size() == 1 ? request.height() : e.maxHeight();
            long bitrate = described != null ? described.maxBitrateBps() : e.maxBitrateBps();
            layers.add(new Encoding(e.rid(), e.ssrc(), e.rtxSsrc(), quality, width, height, bitrate));
        }
        layers.sort(Comparator.comparing(Encoding::quality).thenComparingInt(Encoding::maxWidth));
        return layers;
    }

    /** Takes renegotiated parameters of the same media section (payload types, extension IDs, feedback). */
    public void applyParameters(RtpParameters published) {
        audioLevelId = published.extensionId(HeaderExtensionUri.AUDIO_LEVEL).orElse(0);
        int[] apt = new int[128];
        Arrays.fill(apt, -1);
        for (Codec c : published.codecs()) {
            c.associatedPayloadType().ifPresent(original -> apt[c.payloadType()] = original);
        }
        associatedPayloadTypes = apt;
        sendNacks = published.acceptsFeedback(RtcpFeedback.NACK);
        loop.run(() -> {
            for (TrackReceiver r : receivers) {
                r.setInspector(new PayloadInspector(published));
            }
        });
    }

    /** Fans one received packet out to every subscriber; a failing subscriber does not stop the others. */
    void forward(RtpPacket packet, ReceivedPacket info) {
        for (TrackSender sender : senders) {
            try {
                sender.forward(packet, info);
            } catch (RuntimeException e) {
                forwardFailures++;
            }
        }
    }

    /** Asks the publisher for a key frame of {@code layer}, rate-limited per layer. */
    void requestKeyframe(int layer, long nowNanos) {
        if (layer >= 0 && layer < receivers.length) {
            keyframes.request(layer, receivers[layer].ssrc(), nowNanos);
        }
    }

    @Override
    public void onTick(long nowNanos) {
        if (closed) {
            return;
        }
        for (TrackReceiver r : receivers) {
            r.tick(nowNanos);
            if (sendNacks && r.ssrc() >= 0) {
                int n = r.collectNacks(config.publisherRttNanos(), nackScratch);
                if (n > 0 && publisherRtcp.sendNack((int) r.ssrc(), nackScratch, n)) {
                    nacksSent += n;
                }
            }
        }
        boolean report = nowNanos - nextReportNanos >= 0;
        if (report) {
            nextReportNanos = nowNanos + config.rtcpReportIntervalNanos();
            sendReceiverReport(nowNanos);
        }
        for (TrackSender s : senders) {
            s.onTick(nowNanos, report);
        }
    }

    private void sendReceiverReport(long nowNanos) {
        ReportBlock[] blocks = new ReportBlock[receivers.length];
        int n = 0;
        for (TrackReceiver r : receivers) {
            ReportBlock b = r.reportBlock(nowNanos);
            if (b != null) {
                blocks[n++] = b;
            }
        }
        if (n > 0) {
            publisherRtcp.sendReceiverReport(Arrays.copyOf(blocks, n));
        }
    }

    /** Adds a subscriber: a new snapshot for the packets that follow. */
    public synchronized void add(TrackSender sender) {
        TrackSender[] current = senders;
        TrackSender[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = sender;
        senders = next;
    }

    /** Removes a subscriber; packets already being fanned out may still reach it once. */
    public synchronized boolean remove(TrackSender sender) {
        TrackSender[] current = senders;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == sender) {
                TrackSender[] next = new TrackSender[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                senders = next;
                return true;
            }
        }
        return false;
    }

    /** Stops the track: no more forwarding, cached packets released. Runs on the owning loop. */
    @Override
    public void close() {
        loop.run(() -> {
            closed = true;
            synchronized (this) {
                senders = NO_SENDERS;
            }
            for (TrackReceiver r : receivers) {
                r.close();
            }
        });
    }

    boolean isClosed() {
        return closed;
    }

    public TrackId trackId() {
        return trackId;
    }

    public MediaLoop loop() {
        return loop;
    }

    MediaCoreConfig config() {
        return config;
    }

    Clock wallClock() {
        return wallClock;
    }

    public boolean isVideo() {
        return kind == MediaKind.VIDEO;
    }

    public MediaKind kind() {
        return kind;
    }

    int clockRateHz() {
        return clockRateHz;
    }

    /** The payload type an RTX payload type of the publisher repairs (RFC 4588 apt), or -1. */
    public int associatedPayloadType(int rtxPayloadType) {
        return associatedPayloadTypes[rtxPayloadType & 0x7F];
    }

    int audioLevelId() {
        return audioLevelId;
    }

    /** The receivers, lowest layer first (do not modify). */
    public TrackReceiver[] receivers() {
        return receivers;
    }

    /** The receiver of {@code layer}, or {@code null}. */
    public TrackReceiver receiver(int layer) {
        return layer >= 0 && layer < receivers.length ? receivers[layer] : null;
    }

    /** The receiver bound to RTP stream id {@code rid}, or {@code null}. */
    public TrackReceiver receiverByRid(String rid) {
        for (TrackReceiver r : receivers) {
            if (r.encoding().rid().equals(rid)) {
                return r;
            }
        }
        return null;
    }

    public int subscriberCount() {
        return senders.length;
    }

    EgressRewriter egress() {
        return egress;
    }

    /** Flyweight for packets read back from a retransmission cache (loop-owned scratch). */
    RtpPacket cachedView() {
        return cachedView;
    }

    /** Flyweight over a rewritten copy being wrapped into RTX (loop-owned scratch). */
    RtpPacket rtxView() {
        return rtxView;
    }

    public KeyframeRequester keyframes() {
        return keyframes;
    }

    public long nacksSent() {
        return nacksSent;
    }

    @Override
    public String toString() {
        return "TrackFanout[" + trackId + " " + kind + " layers=" + receivers.length + "]";
    }
}
