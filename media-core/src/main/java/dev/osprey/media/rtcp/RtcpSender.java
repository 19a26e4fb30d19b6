package dev.osprey.media.rtcp;

import dev.osprey.media.forward.EgressSink;
import dev.osprey.rtp.rtcp.FullIntraRequest;
import dev.osprey.rtp.rtcp.GenericNack;
import dev.osprey.rtp.rtcp.PictureLossIndication;
import dev.osprey.rtp.rtcp.ReceiverReport;
import dev.osprey.rtp.rtcp.ReportBlock;
import dev.osprey.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds RTCP packets with the rtp module's builders and hands them to one peer connection's {@link EgressSink}.
 * Reduced-size RTCP (RFC 5506, negotiated with {@code a=rtcp-rsize} by every WebRTC peer) lets each feedback message
 * travel alone. Before the transport is attached, packets are not built and are counted as dropped. Safe to call
 * from any loop: it keeps no state but the sink and counters.
 */
public final class RtcpSender {
    /** Room for a NACK of many items, an RR with a few blocks, or an SR. */
    private static final int MAX_PACKET = 1200;

    private final int senderSsrc;
    private final int tailroom;
    private volatile EgressSink sink;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param senderSsrc    the SSRC Osprey's feedback is sent from on this peer connection
     * @param tailroomBytes room reserved for the SRTCP tag and index
     */
    public RtcpSender(int senderSsrc, int tailroomBytes) {
        this.senderSsrc = senderSsrc;
        this.tailroom = tailroomBytes;
    }

    public void attach(EgressSink sink) {
        this.sink = sink;
    }

    public int senderSsrc() {
        return senderSsrc;
    }

    /** RFC 4585 §6.3.1: asks {@code mediaSsrc} for a key frame. */
    public boolean sendPli(int mediaSsrc) {
        ByteBuf b = allocate();
        if (b != null) {
            PictureLossIndication.write(b, senderSsrc, mediaSsrc);
        }
        return send(b);
    }

    /** RFC 5104 §4.3.1: asks {@code mediaSsrc} for a decoder refresh point, command {@code sequenceNumber}. */
    public boolean sendFir(int mediaSsrc, int sequenceNumber) {
        ByteBuf b = allocate();
        if (b != null) {
            FullIntraRequest.write(b, senderSsrc, mediaSsrc, sequenceNumber & 0xFF);
        }
        return send(b);
    }

    /** RFC 4585 §6.2.1: asks {@code mediaSsrc} to resend {@code count} packets of {@code sequenceNumbers}. */
    public boolean sendNack(int mediaSsrc, int[] sequenceNumbers, int count) {
        ByteBuf b = allocate();
        if (b != null) {
            GenericNack.write(b, senderSsrc, mediaSsrc, sequenceNumbers, count);
        }
        return send(b);
    }

    /** RFC 3550 §6.4.2 receiver report about the given sources. */
    public boolean sendReceiverReport(ReportBlock... blocks) {
        ByteBuf b = allocate();
        if (b != null) {
            ReceiverReport.write(b, senderSsrc, blocks);
        }
        return send(b);
    }

    /** RFC 3550 §6.4.1 sender report for the outgoing stream {@code ssrc}. */
    public boolean sendSenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, long packetCount, long octetCount) {
        ByteBuf b = allocate();
        if (b != null) {
            SenderReport.write(b, ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount);
        }
        return send(b);
    }

    /** Sends a packet built elsewhere (e.g. transport-cc feedback); takes ownership. */
    public boolean send(ByteBuf packet) {
        if (packet == null) {
            dropped.incrementAndGet();
            return false;
        }
        EgressSink out = sink;
        if (out == null) {
            packet.release();
            dropped.incrementAndGet();
            return false;
        }
        sent.incrementAndGet();
        out.sendRtcp(packet);
        return true;
    }

    /** A buffer for one packet from the sink's allocator, or {@code null} before the transport is attached. */
    public ByteBuf allocate() {
        EgressSink out = sink;
        return out == null ? null : out.allocator().directBuffer(MAX_PACKET + tailroom);
    }

    public long sentCount() {
        return sent.get();
    }

    public long droppedCount() {
        return dropped.get();
    }
}
