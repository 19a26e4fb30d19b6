package dev.osprey.media.transport;

import dev.osprey.ice.IceTransport;
import dev.osprey.media.forward.EgressSink;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.TransportSequenceNumber;
import dev.osprey.srtp.SrtpSession;
import dev.osprey.srtp.SrtpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The sending half of a peer connection: an {@link EgressSink} that encrypts in place (SRTP/SRTCP, into the tail room
 * the copies reserve) and writes on the ICE-selected pair, flushing once per event-loop turn rather than per packet.
 * Packets from other loops (forwarders of tracks owned elsewhere) go through a bounded lock-free queue drained by one
 * task on this transport's loop: ownership of the already-copied buffer moves with it; when the queue is full the
 * packet is dropped and counted. Before the DTLS keys exist packets are released and counted.
 *
 * <p>When the peer negotiated transport-wide congestion control, the egress copies carry a zeroed sequence number
 * slot; it is stamped here, in send order, just before encryption.
 */
final class SrtpEgress implements EgressSink {
    private static final int QUEUE_CAPACITY = 4096;

    private final IceTransport ice;
    private final EventLoop loop;
    private final IntSupplier transportSequenceId;
    private final Queue<ByteBuf> rtpQueue = PlatformDependent.newFixedMpscQueue(QUEUE_CAPACITY);
    private final Queue<ByteBuf> rtcpQueue = PlatformDependent.newFixedMpscQueue(QUEUE_CAPACITY);
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final Runnable flushTask = this::flushNow;
    private final RtpPacket view = new RtpPacket();
    private volatile SrtpSession session;
    private volatile boolean closed;
    private boolean flushScheduled;
    private int transportSequence;

    long sent;
    long notConnected;
    long queueFull;
    long protectFailed;

    /** @param transportSequenceId the peer's transport-wide sequence number extension ID, 0 when not negotiated */
    SrtpEgress(IceTransport ice, IntSupplier transportSequenceId) {
        this.ice = ice;
        this.loop = ice.eventLoop();
        this.transportSequenceId = transportSequenceId;
    }

    /** The DTLS handshake produced the local SRTP key: sending starts. On the loop. */
    void keyed(SrtpSession outbound) {
        this.session = outbound;
    }

    @Override
    public ByteBufAllocator allocator() {
        return ByteBufAllocator.DEFAULT;
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        if (loop.inEventLoop()) {
            protectRtp(packet);
        } else {
            handOver(rtpQueue, packet);
        }
    }

    @Override
    public void sendRtcp(ByteBuf packet) {
        if (loop.inEventLoop()) {
            protectRtcp(packet);
        } else {
            handOver(rtcpQueue, packet);
        }
    }

    private void handOver(Queue<ByteBuf> queue, ByteBuf packet) {
        if (closed || !queue.offer(packet)) {
            packet.release();
            queueFull++;
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            loop.execute(drainTask);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        ByteBuf b;
        while ((b = rtpQueue.poll()) != null) {
            protectRtp(b);
        }
        while ((b = rtcpQueue.poll()) != null) {
            protectRtcp(b);
        }
    }

    private void protectRtp(ByteBuf packet) {
        SrtpSession s = session;
        if (s == null || closed) {
            packet.release();
            notConnected++;
            return;
        }
        int twccId = transportSequenceId.getAsInt();
        if (twccId > 0 && view.tryWrap(packet)) {
            if (TransportSequenceNumber.write(view, twccId, transportSequence)) {
                transportSequence = (transportSequence + 1) & 0xFFFF;
            }
        }
        if (s.protectRtp(packet) != SrtpStatus.OK) {
            packet.release();
            protectFailed++;
            return;
        }
        write(packet);
    }

    private void protectRtcp(ByteBuf packet) {
        SrtpSession s = session;
        if (s == null || closed) {
            packet.release();
            notConnected++;
            return;
        }
        if (s.protectRtcp(packet) != SrtpStatus.OK) {
            packet.release();
            protectFailed++;
            return;
        }
        write(packet);
    }

    private void write(ByteBuf packet) {
        sent++;
        ice.write(packet);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        ice.flush();
    }

    /** Sends a DTLS datagram unencrypted (the handshake and SCTP records protect themselves). On the loop. */
    void sendDtls(ByteBuf datagram) {
        if (closed) {
            datagram.release();
            return;
        }
        ice.write(datagram);
        flushNow();
    }

    /** Stops sending and releases whatever waits in the queues. On the loop. */
    void close() {
        closed = true;
        ByteBuf b;
        while ((b = rtpQueue.poll()) != null) {
            b.release();
        }
        while ((b = rtcpQueue.poll()) != null) {
            b.release();
        }
    }

    long sentCount() {
        return sent;
    }
}
