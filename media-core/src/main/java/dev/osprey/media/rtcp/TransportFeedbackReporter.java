package dev.osprey.media.rtcp;

import dev.osprey.rtp.SequenceUnwrapper;
import dev.osprey.rtp.rtcp.TransportFeedbackWriter;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Transport-wide congestion control feedback toward a publisher (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): the arrival time of every packet carrying a transport-wide sequence number is recorded, and each flush
 * reports the range since the previous one (gaps as not received) through the rtp module's writer. Browsers negotiate
 * transport-cc on their sending peer connection and run their send-side estimator on it; without this feedback their
 * estimate stays at the start bitrate and they would never send the upper simulcast layers.
 *
 * <p>A ring of arrival times indexed by the extended sequence number; recording allocates nothing. Single-threaded
 * (the publisher's loop).
 */
public final class TransportFeedbackReporter {
    private static final int WINDOW = 4096;
    private static final long NONE = Long.MIN_VALUE;

    private final long[] arrivalMicros = new long[WINDOW];
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final TransportFeedbackWriter writer = new TransportFeedbackWriter();
    private boolean started;
    private long base;
    private long highest;
    private int mediaSsrc;
    private int feedbackCount;
    private long tooLate;
    private long packetsSent;

    public TransportFeedbackReporter() {
        Arrays.fill(arrivalMicros, NONE);
    }

    /** Records the arrival of transport-wide sequence number {@code sequenceNumber} on stream {@code ssrc}. */
    public void onPacket(int sequenceNumber, int ssrc, long arrivalNanos) {
        long ext = unwrapper.unwrap(sequenceNumber);
        if (!started) {
            started = true;
            base = ext;
            highest = ext;
        }
        if (ext < base) {
            tooLate++; // already reported as not received
            return;
        }
        if (ext - base >= WINDOW) {
            long newBase = ext - WINDOW + 1;
            for (long s = base; s < newBase && s <= highest; s++) {
                arrivalMicros[(int) (s & (WINDOW - 1))] = NONE;
            }
            base = newBase;
        }
        arrivalMicros[(int) (ext & (WINDOW - 1))] = arrivalNanos / 1000;
        highest = Math.max(highest, ext);
        mediaSsrc = ssrc;
    }

    /**
     * Writes feedback for everything recorded since the last flush and sends it; returns the number of feedback
     * packets sent (usually one).
     */
    public int flush(RtcpSender rtcp) {
        if (!started || highest < base) {
            return 0;
        }
        int packets = 0;
        boolean open = false;
        long next = base; // first sequence number no packet covers yet: missing ones are reported as not received
        for (long s = base; s <= highest; s++) {
            int slot = (int) (s & (WINDOW - 1));
            long arrival = arrivalMicros[slot];
            if (arrival == NONE) {
                continue;
            }
            arrivalMicros[slot] = NONE;
            if (!open || !writer.addReceived((int) (s & 0xFFFF), arrival)) {
                if (open) {
                    packets += send(rtcp);
                }
                writer.reset(rtcp.senderSsrc(), mediaSsrc, (int) (next & 0xFFFF), arrival, feedbackCount++);
                writer.addReceived((int) (s & 0xFFFF), arrival);
                open = true;
            }
            next = s + 1;
        }
        if (open) {
            packets += send(rtcp);
        }
        base = highest + 1;
        return packets;
    }

    private int send(RtcpSender rtcp) {
        ByteBuf b = rtcp.allocate();
        if (b == null) {
            return 0;
        }
        writer.write(b);
        packetsSent++;
        return rtcp.send(b) ? 1 : 0;
    }

    /** Packets that arrived after their range was already reported. */
    public long tooLateCount() {
        return tooLate;
    }

    public long feedbackPacketsSent() {
        return packetsSent;
    }
}
