package dev.osprey.media.peer;

import dev.osprey.media.forward.Downlink;
import dev.osprey.media.forward.EgressSink;
import dev.osprey.media.forward.SsrcTable;
import dev.osprey.media.forward.TrackSender;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.SequenceNumber;
import dev.osprey.rtp.rtcp.FullIntraRequest;
import dev.osprey.rtp.rtcp.GenericNack;
import dev.osprey.rtp.rtcp.PictureLossIndication;
import dev.osprey.rtp.rtcp.ReceiverEstimatedMaxBitrate;
import dev.osprey.rtp.rtcp.ReceiverReport;
import dev.osprey.rtp.rtcp.ReportPacket;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import dev.osprey.rtp.rtcp.RtcpPacketType;
import dev.osprey.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;

/**
 * The sending side of one participant's subscriber peer connection: the {@link Downlink} its track senders write to,
 * and termination of the RTCP the subscriber sends back. Receiver reports give each sender its round trip and loss;
 * NACKs (RFC 4585 §6.2.1) and PLI/FIR (RFC 4585 §6.3.1, RFC 5104 §4.3.1) go to the sender of the named SSRC, on the
 * track's loop; REMB (draft-alvestrand-rmcat-remb §2) sets the bandwidth the senders share. Malformed packets are
 * counted and skipped. {@link #onRtcp} runs on the participant's loop.
 */
public final class SubscriberMedia {
    private final MediaLoop loop;
    private final Downlink downlink;
    private volatile SsrcTable<TrackSender> senders = SsrcTable.empty();
    private volatile int transportSequenceId;
    private final RtcpCompoundReader reader = new RtcpCompoundReader();
    private final ReceiverReport receiverReport = new ReceiverReport();
    private final SenderReport senderReport = new SenderReport();
    private final GenericNack nack = new GenericNack();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();

    long rtcpPackets;
    long malformedRtcp;
    long unknownSsrc;
    long ignored;

    public SubscriberMedia(int rtcpSsrc, MediaLoop loop, int tailroomBytes) {
        this.loop = loop;
        this.downlink = new Downlink(rtcpSsrc, tailroomBytes);
    }

    public void attach(EgressSink sink) {
        downlink.attach(sink);
    }

    public Downlink downlink() {
        return downlink;
    }

    public MediaLoop loop() {
        return loop;
    }

    /**
     * The transport-wide sequence number extension ID the subscriber negotiated (one per BUNDLE group), 0 when it
     * did not; the transport stamps outgoing packets with it.
     */
    public int transportSequenceId() {
        return transportSequenceId;
    }

    public void setTransportSequenceId(int id) {
        this.transportSequenceId = id;
    }

    public synchronized void add(TrackSender sender) {
        senders = senders.with(sender.ssrc(), sender).with(sender.rtxSsrc(), sender);
    }

    public synchronized void remove(TrackSender sender) {
        senders = senders.withoutValue(sender);
    }

    /** The sender of outgoing SSRC {@code ssrc} (media or RTX), or {@code null}. */
    public TrackSender sender(int ssrc) {
        return senders.get(ssrc);
    }

    /** One decrypted RTCP compound from the subscriber. Takes ownership of {@code buf}. */
    public void onRtcp(ByteBuf buf, long arrivalNanos) {
        try {
            if (!reader.tryWrap(buf, buf.readerIndex(), buf.readableBytes())) {
                malformedRtcp++;
                return;
            }
            while (reader.next()) {
                rtcpPackets++;
                try {
                    dispatch(arrivalNanos);
                } catch (MalformedPacketException e) {
                    malformedRtcp++;
                }
            }
        } finally {
            buf.release();
        }
    }

    private void dispatch(long nowNanos) {
        switch (reader.packetType()) {
            case RtcpPacketType.RR -> {
                receiverReport.wrap(reader);
                onReportBlocks(receiverReport);
            }
            case RtcpPacketType.SR -> {
                senderReport.wrap(reader);
                onReportBlocks(senderReport);
            }
            case RtcpPacketType.RTPFB -> {
                if (reader.count() == GenericNack.FMT) {
                    nack.wrap(reader);
                    onNack(nowNanos);
                } else {
                    ignored++; // transport-cc feedback: Osprey estimates subscriber bandwidth from REMB
                }
            }
            case RtcpPacketType.PSFB -> onPayloadFeedback(nowNanos);
            default -> ignored++;
        }
    }

    private void onReportBlocks(ReportPacket report) {
        for (int i = 0; i < report.reportCount(); i++) {
            TrackSender s = senders.get(report.blockSsrc(i));
            if (s == null || s.rtxSsrc() == report.blockSsrc(i)) {
                unknownSsrc += s == null ? 1 : 0;
                continue;
            }
            int fraction = report.fractionLost(i);
            long lsr = report.lastSenderReport(i);
            long dlsr = report.delaySinceLastSenderReport(i);
            s.fanout().loop().run(() -> s.onReceiverReport(fraction, lsr, dlsr));
        }
    }

    private void onNack(long nowNanos) {
        TrackSender s = senders.get(nack.mediaSsrc());
        if (s == null) {
            unknownSsrc++;
            return;
        }
        int[] lost = new int[nack.lostCount()];
        int n = 0;
        for (int i = 0; i < nack.itemCount(); i++) {
            int pid = nack.packetId(i);
            lost[n++] = pid;
            for (int bits = nack.lostBitmask(i), bit = 0; bits != 0; bits >>>= 1, bit++) {
                if ((bits & 1) != 0) {
                    lost[n++] = SequenceNumber.add(pid, bit + 1);
                }
            }
        }
        int count = n;
        s.fanout().loop().run(() -> s.onNack(lost, count, s.fanout().loop().nanos()));
    }

    private void onPayloadFeedback(long nowNanos) {
        if (ReceiverEstimatedMaxBitrate.matches(reader)) {
            remb.wrap(reader);
            downlink.setEstimatedBps(remb.bitrateBps());
        } else if (reader.count() == PictureLossIndication.FMT) {
            pli.wrap(reader);
            keyframeRequest(pli.mediaSsrc());
        } else if (reader.count() == FullIntraRequest.FMT) {
            fir.wrap(reader);
            for (int i = 0; i < fir.entryCount(); i++) {
                keyframeRequest(fir.ssrc(i));
            }
        } else {
            ignored++;
        }
    }

    private void keyframeRequest(int ssrc) {
        TrackSender s = senders.get(ssrc);
        if (s == null) {
            unknownSsrc++;
            return;
        }
        s.fanout().loop().run(() -> s.onKeyframeRequest(s.fanout().loop().nanos()));
    }

    public long malformedRtcpCount() {
        return malformedRtcp;
    }

    public long unknownSsrcCount() {
        return unknownSsrc;
    }
}
