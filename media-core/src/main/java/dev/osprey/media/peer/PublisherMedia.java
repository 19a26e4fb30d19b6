package dev.osprey.media.peer;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.forward.EgressSink;
import dev.osprey.media.forward.RtpDemultiplexer;
import dev.osprey.media.forward.TrackFanout;
import dev.osprey.media.forward.TrackReceiver;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.Tickable;
import dev.osprey.media.rtcp.RtcpSender;
import dev.osprey.media.rtcp.TransportFeedbackReporter;
import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.TransportSequenceNumber;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import dev.osprey.rtp.rtcp.RtcpPacketType;
import dev.osprey.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;

/**
 * The receiving side of one participant's publisher peer connection: decrypted RTP and RTCP come in here from the
 * transport, on the participant's loop. RTP is parsed once with the flyweight, its transport-wide sequence number
 * recorded for congestion feedback, and routed to its track's receiver; malformed packets are dropped and counted,
 * never thrown. RTCP from the publisher is terminated: sender reports feed the receivers' statistics and time anchors.
 * Its tick sends transport-cc feedback; the tracks' own ticks send NACKs, PLIs and receiver reports.
 */
public final class PublisherMedia implements Tickable, AutoCloseable {
    private final MediaLoop loop;
    private final MediaCoreConfig config;
    private final RtcpSender rtcp;
    private final RtpDemultiplexer demux = new RtpDemultiplexer();
    private final TransportFeedbackReporter feedback = new TransportFeedbackReporter();
    private final RtpPacket packet = new RtpPacket();
    private final RtcpCompoundReader reader = new RtcpCompoundReader();
    private final SenderReport senderReport = new SenderReport();
    private volatile int transportSequenceId;
    private long nextFeedbackNanos;
    private boolean closed;

    long rtpPackets;
    long malformedRtp;
    long rtcpPackets;
    long malformedRtcp;
    long failures;

    /** @param rtcpSsrc the SSRC Osprey's feedback to this publisher is sent from */
    public PublisherMedia(int rtcpSsrc, MediaLoop loop, MediaCoreConfig config) {
        this.loop = loop;
        this.config = config;
        this.rtcp = new RtcpSender(rtcpSsrc, config.srtpTailroomBytes());
        loop.ticker().register(this);
    }

    /** Connects the transport: feedback to the publisher can be sent from now on. */
    public void attach(EgressSink sink) {
        rtcp.attach(sink);
    }

    public RtcpSender rtcp() {
        return rtcp;
    }

    public MediaLoop loop() {
        return loop;
    }

    /**
     * Routes the media section {@code parameters} negotiated to {@code fanout} and ticks it; calling it again after a
     * renegotiation updates the routing.
     */
    public void addTrack(RtpParameters parameters, TrackFanout fanout) {
        demux.register(parameters, fanout);
        parameters.extensionId(HeaderExtensionUri.TRANSPORT_WIDE_CC).ifPresent(id -> transportSequenceId = id);
        loop.ticker().unregister(fanout);
        loop.ticker().register(fanout);
    }

    /** Stops routing to {@code fanout} and closes it (its cached packets are released on its loop). */
    public void removeTrack(TrackFanout fanout) {
        demux.unregister(fanout);
        loop.ticker().unregister(fanout);
        fanout.close();
    }

    /** One decrypted RTP packet (its readable bytes), on this loop. Takes ownership of {@code buf}. */
    public void onRtp(ByteBuf buf, long arrivalNanos) {
        try {
            if (closed || !packet.tryWrap(buf)) {
                malformedRtp += closed ? 0 : 1;
                return;
            }
            rtpPackets++;
            int twccId = transportSequenceId;
            if (twccId > 0) {
                int seq = TransportSequenceNumber.read(packet, twccId);
                if (seq >= 0) {
                    feedback.onPacket(seq, packet.ssrc(), arrivalNanos);
                }
            }
            demux.route(packet, arrivalNanos);
        } catch (RuntimeException e) {
            failures++; // never out of the event loop: a bug here must cost one packet, not the connection
        } finally {
            buf.release();
        }
    }

    /** One decrypted RTCP compound, on this loop. Takes ownership of {@code buf}. */
    public void onRtcp(ByteBuf buf, long arrivalNanos) {
        try {
            if (closed || !reader.tryWrap(buf, buf.readerIndex(), buf.readableBytes())) {
                malformedRtcp += closed ? 0 : 1;
                return;
            }
            while (reader.next()) {
                rtcpPackets++;
                if (reader.packetType() == RtcpPacketType.SR) {
                    onSenderReport(arrivalNanos);
                }
                // RR/SDES/BYE/XR from a publisher need no action: Osprey sends it no media to be reported on.
            }
        } finally {
            buf.release();
        }
    }

    private void onSenderReport(long arrivalNanos) {
        try {
            senderReport.wrap(reader);
        } catch (MalformedPacketException e) {
            malformedRtcp++;
            return;
        }
        TrackReceiver receiver = demux.receiver(senderReport.ssrc());
        if (receiver != null) {
            receiver.onSenderReport(senderReport.ntpTimestamp(), senderReport.rtpTimestamp(), arrivalNanos);
        }
    }

    @Override
    public void onTick(long nowNanos) {
        if (!closed && nowNanos - nextFeedbackNanos >= 0) {
            nextFeedbackNanos = nowNanos + config.transportFeedbackIntervalNanos();
            feedback.flush(rtcp);
        }
    }

    public RtpDemultiplexer demultiplexer() {
        return demux;
    }

    public long malformedRtpCount() {
        return malformedRtp;
    }

    public long malformedRtcpCount() {
        return malformedRtcp;
    }

    public long rtpPacketCount() {
        return rtpPackets;
    }

    /** Stops ticking; the tracks are removed by their owner. */
    @Override
    public void close() {
        loop.run(() -> closed = true);
        loop.ticker().unregister(this);
    }
}
