package dev.osprey.media.forward;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.audio.AudioLevelMeter;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.SequenceUnwrapper;
import dev.osprey.rtp.extension.AudioLevel;
import dev.osprey.rtp.nack.NackGenerator;
import dev.osprey.rtp.nack.RetransmissionCache;
import dev.osprey.rtp.rtcp.ReceptionStatistics;
import dev.osprey.rtp.rtcp.ReportBlock;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * One incoming RTP stream of a published track: a simulcast layer, or the only stream of a track without layers.
 * For every packet it updates the reception statistics (RFC 3550 A.1/A.8) and NACK state, reads the audio level,
 * tags key frames and picture ids, keeps a retained reference in the retransmission cache, and hands the packet to the
 * track's fan-out. Duplicates (late packets that filled no gap) stop here.
 *
 * <p>Owned by the publisher's loop. Counters are plain fields written on that loop and read by metrics on scrape
 * (a slightly stale value is fine for monitoring).
 */
public final class TrackReceiver implements AutoCloseable {
    private final TrackFanout fanout;
    private final int layer;
    private final Encoding encoding;
    private final SequenceUnwrapper sequence = new SequenceUnwrapper();
    private final ReceptionStatistics statistics;
    private final NackGenerator nacks;
    private final RetransmissionCache cache;
    private final AudioLevelMeter audioLevel;
    private final ReceivedPacket info = new ReceivedPacket();
    private final byte[] ridAscii;
    private PayloadInspector inspector;
    private volatile long ssrc = -1;
    private volatile long rtxSsrc = -1;
    private boolean started;
    private long highest;
    private long srRtpArrivalNanos;
    private int srRtpTimestamp;
    private boolean haveSenderReport;

    long packets;
    long bytes;
    long duplicates;
    long paddingPackets;
    long rejected;
    long recoveredPackets;
    long keyframes;
    private long bytesAtLastTick;
    private long lastTickNanos;
    private volatile long bitrateBps;
    private volatile long lastPacketNanos = Long.MIN_VALUE;

    TrackReceiver(TrackFanout fanout, int layer, Encoding encoding, int clockRateHz, PayloadInspector inspector,
                  boolean audio, MediaCoreConfig config, LongSupplier nanoClock) {
        this.fanout = fanout;
        this.layer = layer;
        this.encoding = encoding;
        this.inspector = inspector;
        this.statistics = new ReceptionStatistics(clockRateHz, 1); // SRTP authenticates the source: no probation
        this.nacks = new NackGenerator(config.nack(), nanoClock);
        this.cache = new RetransmissionCache(config.retransmissionCacheCapacity(), config.retransmissionMaxAgeNanos(),
                Integer.MAX_VALUE, nanoClock);
        this.audioLevel = audio ? new AudioLevelMeter(config.speakers()) : null;
        this.ridAscii = encoding.rid().getBytes(StandardCharsets.US_ASCII);
        if (encoding.hasSsrc()) {
            ssrc = encoding.ssrc();
        }
        if (encoding.hasRtxSsrc()) {
            rtxSsrc = encoding.rtxSsrc();
        }
    }

    /**
     * Handles one decrypted, validated packet of this stream. The caller owns {@code packet}'s buffer; the cache
     * retains it for as long as it keeps the packet.
     */
    void onRtp(RtpPacket packet, long arrivalNanos) {
        if (fanout.isClosed()) {
            return; // the cache was released on close; retaining again would leak
        }
        info.reset();
        if (inspector.inspect(packet, info) != PayloadInspector.OK) {
            rejected++;
            return;
        }
        long ext = sequence.unwrap(packet.sequenceNumber());
        statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), arrivalNanos);
        int flags = nacks.onReceived(ext);
        info.layer = layer;
        info.extendedSequence = ext;
        info.timestamp = packet.timestamp();
        info.arrivalNanos = arrivalNanos;
        info.late = started && ext <= highest;
        info.recovered = (flags & NackGenerator.RECOVERED) != 0;
        if (!info.late) {
            highest = ext;
            started = true;
        }
        if ((flags & NackGenerator.KEYFRAME_NEEDED) != 0) {
            fanout.requestKeyframe(layer, arrivalNanos);
        }
        if (info.late && !info.recovered) {
            duplicates++;
            return;
        }
        count(packet, arrivalNanos);
        cache.put(ext, packet.buffer(), packet.offset(), packet.length());
        fanout.forward(packet, info);
    }

    private void count(RtpPacket packet, long arrivalNanos) {
        packets++;
        bytes += packet.length();
        lastPacketNanos = arrivalNanos;
        if (info.paddingOnly) {
            paddingPackets++;
        }
        if (info.recovered) {
            recoveredPackets++;
        }
        if (info.keyframe && !info.paddingOnly && fanout.isVideo()) {
            keyframes++;
        }
        int levelId = fanout.audioLevelId();
        if (audioLevel != null && levelId > 0) {
            int raw = AudioLevel.read(packet, levelId);
            if (raw >= 0) {
                audioLevel.add(AudioLevel.levelDbov(raw));
            }
        }
    }

    /** Records a sender report of this stream (RFC 3550 §6.4.1): LSR/DLSR for our reports, RTP↔time anchor. */
    public void onSenderReport(long ntpTimestamp, int rtpTimestamp, long arrivalNanos) {
        statistics.onSenderReport(ntpTimestamp, arrivalNanos);
        srRtpTimestamp = rtpTimestamp;
        srRtpArrivalNanos = arrivalNanos;
        haveSenderReport = true;
    }

    /** The sequence numbers due for a NACK now go into {@code out}; returns how many. */
    int collectNacks(long rttNanos, int[] out) {
        return nacks.collect(rttNanos, out);
    }

    /** Periodic work: audio level window, bitrate measurement, expiry of cached packets. */
    void tick(long nowNanos) {
        if (audioLevel != null) {
            audioLevel.evaluate(nowNanos);
        }
        long elapsed = nowNanos - lastTickNanos;
        if (elapsed >= 500_000_000L) {
            long sent = bytes - bytesAtLastTick;
            bitrateBps = lastTickNanos == 0 ? 0 : sent * 8 * 1_000_000_000L / elapsed;
            bytesAtLastTick = bytes;
            lastTickNanos = nowNanos;
            cache.evictExpired();
        }
    }

    /** The report block about this stream for an RR, or {@code null} before its first packet. */
    ReportBlock reportBlock(long nowNanos) {
        long s = ssrc;
        return s < 0 || statistics.received() == 0 ? null : statistics.reportBlock((int) s, nowNanos);
    }

    /** The payload type a publisher RTX payload type of this track repairs, or -1. */
    int fanoutAssociatedPayloadType(int rtxPayloadType) {
        return fanout.associatedPayloadType(rtxPayloadType);
    }

    void bindSsrc(long newSsrc) {
        this.ssrc = newSsrc;
    }

    void bindRtxSsrc(long newRtxSsrc) {
        this.rtxSsrc = newRtxSsrc;
    }

    void setInspector(PayloadInspector newInspector) {
        this.inspector = newInspector;
    }

    /** Whether a packet arrived within {@code windowNanos} before {@code nowNanos}: the layer is being sent. */
    boolean isActive(long nowNanos, long windowNanos) {
        long last = lastPacketNanos;
        return last != Long.MIN_VALUE && nowNanos - last <= windowNanos;
    }

    public int layer() {
        return layer;
    }

    /** The RID as US-ASCII bytes (empty without one), for allocation-free matching. */
    byte[] ridAscii() {
        return ridAscii;
    }

    public Encoding encoding() {
        return encoding;
    }

    public LayerQuality quality() {
        return encoding.quality();
    }

    /** The media SSRC, -1 until known. */
    public long ssrc() {
        return ssrc;
    }

    /** The RTX SSRC, -1 until known. */
    public long rtxSsrc() {
        return rtxSsrc;
    }

    /** The track this stream belongs to. */
    TrackFanout fanout() {
        return fanout;
    }

    RetransmissionCache cache() {
        return cache;
    }

    ReceptionStatistics statistics() {
        return statistics;
    }

    /** Measured bitrate over the last half second or more. */
    public long bitrateBps() {
        return bitrateBps;
    }

    /** Audio level meter, {@code null} for video. */
    public AudioLevelMeter audioLevel() {
        return audioLevel;
    }

    boolean hasSenderReport() {
        return haveSenderReport;
    }

    int senderReportRtpTimestamp() {
        return srRtpTimestamp;
    }

    long senderReportArrivalNanos() {
        return srRtpArrivalNanos;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** Packets lost so far (RFC 3550 A.3 cumulative, 0 when duplicates outnumber losses). */
    public long lost() {
        return Math.max(0, statistics.cumulativeLost());
    }

    public long nacksGivenUp() {
        return nacks.givenUpCount();
    }

    @Override
    public void close() {
        cache.clear();
    }

    @Override
    public String toString() {
        return "TrackReceiver[layer " + layer + (encoding.hasRid() ? " rid " + encoding.rid() : "")
                + " ssrc " + (ssrc < 0 ? "?" : Long.toString(ssrc)) + "]";
    }
}
