package dev.osprey.dtls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.bouncycastle.tls.DatagramTransport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The datagram transport BouncyCastle's DTLS protocol reads and writes: incoming datagrams come from the ICE demux
 * through a bounded queue, outgoing ones go to the {@link DtlsSender} on the event loop.
 *
 * <p>During the handshake BouncyCastle blocks in {@link #receive} on the handshake thread, with the wait it derives
 * from its retransmission timer. Once connected the endpoint drives BouncyCastle from the event loop instead, and
 * {@link #receive} must never block there: an empty queue ends the read with {@link NoPendingDatagram}, which
 * BouncyCastle passes through untouched (it fails the connection on other I/O errors, not on interrupted reads).
 */
final class RecordQueueTransport implements DatagramTransport {

    private static final byte[] CLOSED = new byte[0];

    private final ArrayBlockingQueue<byte[]> queue;
    private final int capacity;
    private final int sendLimit;
    private final long idleWaitMillis;
    private final ByteBufAllocator allocator;
    private final Executor eventLoop;
    private final DtlsSender sender;
    private volatile boolean onEventLoop;
    private volatile boolean closed;

    RecordQueueTransport(DtlsConfig config, ByteBufAllocator allocator, Executor eventLoop, DtlsSender sender) {
        this.capacity = config.receiveQueueRecords();
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1 keeps room for CLOSED
        this.sendLimit = config.mtu();
        this.idleWaitMillis = config.handshakeTimeout().toMillis();
        this.allocator = allocator;
        this.eventLoop = eventLoop;
        this.sender = sender;
    }

    /** Queues one datagram; false when the queue is full or the transport closed (the caller counts the drop). */
    boolean offer(byte[] datagram) {
        return !closed && queue.size() < capacity && queue.offer(datagram);
    }

    /** From now on BouncyCastle is called on the event loop: reads never block and sends go straight out. */
    void switchToEventLoop() {
        onEventLoop = true;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int getReceiveLimit() {
        return Math.max(sendLimit, 1500);
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        byte[] datagram;
        if (onEventLoop) {
            datagram = queue.poll();
            if (datagram == null) {
                throw NoPendingDatagram.INSTANCE;
            }
        } else {
            try {
                datagram = queue.poll(waitMillis > 0 ? waitMillis : idleWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("DTLS handshake thread interrupted", e);
            }
            if (datagram == null) {
                return -1; // BouncyCastle's cue to retransmit its last flight
            }
        }
        if (datagram == CLOSED) {
            queue.offer(CLOSED); // keep later reads failing too
            throw new IOException("DTLS endpoint closed");
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS endpoint closed");
        }
        ByteBuf datagram = allocator.buffer(len);
        datagram.writeBytes(buf, off, len);
        if (onEventLoop) {
            sender.send(datagram);
            return;
        }
        try {
            eventLoop.execute(() -> sender.send(datagram));
        } catch (RejectedExecutionException e) {
            datagram.release();
            throw new IOException("event loop shut down", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSED);
    }

    /** The read of an empty queue on the event loop: no stack trace, one shared instance. */
    static final class NoPendingDatagram extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        static final NoPendingDatagram INSTANCE = new NoPendingDatagram();

        private NoPendingDatagram() {
            super("no pending datagram");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
