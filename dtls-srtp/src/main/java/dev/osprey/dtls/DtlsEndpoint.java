package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The DTLS side of one WebRTC transport (RFC 8842, RFC 5764): fed the DTLS datagrams the ICE demux classifies
 * (first byte 20–63, RFC 7983), it runs the handshake on the {@link DtlsHandshaker}'s threads, checks the peer's
 * certificate against the remote SDP fingerprint, reports the negotiated SRTP profile and exported keys, and then
 * carries data channel (SCTP) payloads as application data.
 *
 * <p>Threading: {@link #receive}, {@link #sendApplicationData} and {@link #close} are called on the transport's event
 * loop; every callback and every {@link DtlsSender#send} happens there too. Only the handshake itself runs elsewhere,
 * and it reaches the event loop through {@link Executor#execute}.
 */
public final class DtlsEndpoint {

    /** Where the endpoint is in its life. */
    public enum State {
        NEW, HANDSHAKING, CONNECTED, CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(DtlsEndpoint.class);

    private final String id;
    private final DtlsRole role;
    private final DtlsHandshaker handshaker;
    private final DtlsSrtpNegotiation negotiation;
    private final RecordQueueTransport transport;
    private final Executor eventLoop;
    private final DtlsListener listener;
    private final DtlsApplicationDataHandler applicationData;
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private volatile State state = State.NEW;
    private volatile boolean closeRequested;
    private DTLSTransport dtls;
    private SrtpKeyingMaterial keys;
    private byte[] receiveBuffer;
    private byte[] sendBuffer;

    DtlsEndpoint(String id, DtlsRole role, DtlsHandshaker handshaker, DtlsSrtpNegotiation negotiation,
                 RecordQueueTransport transport, Executor eventLoop, DtlsListener listener,
                 DtlsApplicationDataHandler applicationData) {
        this.id = id;
        this.role = role;
        this.handshaker = handshaker;
        this.negotiation = negotiation;
        this.transport = transport;
        this.eventLoop = eventLoop;
        this.listener = listener;
        this.applicationData = applicationData;
    }

    /** Transport id, for logs. */
    public String id() {
        return id;
    }

    /** Our side of the handshake. */
    public DtlsRole role() {
        return role;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** The negotiated profile and keys once connected, else null. */
    public SrtpKeyingMaterial keyingMaterial() {
        return keys;
    }

    /** Queues the handshake on the handshaker's executor; as client this sends the ClientHello. */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("DTLS endpoint " + id + " already started");
        }
        state = State.HANDSHAKING;
        long submitted = System.nanoTime();
        if (!handshaker.submit(() -> handshake(submitted))) {
            handshakeFailed(DtlsCloseReason.OVERLOADED, null);
        }
    }

    /**
     * Takes one DTLS datagram from the ICE demux. The caller keeps ownership of {@code datagram}. Malformed
     * framing and datagrams beyond the queue are dropped and counted.
     */
    public void receive(ByteBuf datagram) {
        State s = state;
        if (s == State.CLOSED) {
            return;
        }
        try {
            DtlsRecordFraming.validate(datagram);
        } catch (DtlsFormatException e) {
            handshaker.recordMalformedDatagram();
            return;
        }
        if (!transport.offer(ByteBufUtil.getBytes(datagram))) {
            handshaker.recordQueueFull();
            return;
        }
        if (s == State.CONNECTED) {
            drain();
        }
    }

    /**
     * Sends one application data record (an SCTP packet) and releases {@code data}.
     *
     * @return false when not connected, or when {@code data} is larger than one record may carry
     */
    public boolean sendApplicationData(ByteBuf data) {
        try {
            if (state != State.CONNECTED) {
                return false;
            }
            int length = data.readableBytes();
            if (length > sendBuffer.length) {
                return false;
            }
            data.getBytes(data.readerIndex(), sendBuffer, 0, length);
            dtls.send(sendBuffer, 0, length);
            return true;
        } catch (IOException e) {
            finish(negotiation.peerClosed() ? DtlsCloseReason.CLOSED_BY_PEER : DtlsCloseReason.HANDSHAKE_FAILED);
            return false;
        } finally {
            data.release();
        }
    }

    /** Closes the endpoint: sends close_notify when connected, aborts a running handshake. Idempotent. */
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        closeRequested = true;
        if (state == State.CONNECTED) {
            try {
                dtls.close();
            } catch (IOException e) {
                LOG.debug("close_notify to {} not sent: {}", id, e.toString());
            }
        }
        finish(DtlsCloseReason.CLOSED_LOCALLY);
    }

    /** On a handshake thread: runs BouncyCastle's blocking handshake to its end. */
    private void handshake(long submittedNanos) {
        try {
            DTLSTransport established;
            if (role == DtlsRole.SERVER) {
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                protocol.setVerifyRequests(false); // ICE connectivity checks already proved the address
                established = protocol.accept(new DtlsSrtpServer(negotiation), transport);
            } else {
                established = new DTLSClientProtocol().connect(new DtlsSrtpClient(negotiation), transport);
            }
            if (negotiation.keys() == null) {
                established.close();
                onEventLoop(() -> handshakeFailed(DtlsCloseReason.NO_SRTP_PROFILE, null));
                return;
            }
            long nanos = System.nanoTime() - submittedNanos;
            onEventLoop(() -> connected(established, nanos));
        } catch (IOException | RuntimeException e) {
            DtlsCloseReason reason = classify(e);
            onEventLoop(() -> handshakeFailed(reason, e));
        }
    }

    private DtlsCloseReason classify(Exception e) {
        if (closeRequested) {
            return DtlsCloseReason.CLOSED_LOCALLY;
        }
        if (negotiation.failure() != null) {
            return negotiation.failure();
        }
        return e instanceof TlsTimeoutException ? DtlsCloseReason.HANDSHAKE_TIMEOUT : DtlsCloseReason.HANDSHAKE_FAILED;
    }

    private void connected(DTLSTransport established, long nanos) {
        if (state == State.CLOSED) {
            try {
                established.close();
            } catch (IOException e) {
                LOG.debug("close_notify to {} not sent: {}", id, e.toString());
            }
            return;
        }
        dtls = established;
        keys = negotiation.keys();
        transport.switchToEventLoop();
        receiveBuffer = new byte[transport.getReceiveLimit()];
        sendBuffer = new byte[transport.getSendLimit()];
        state = State.CONNECTED;
        handshaker.recordConnected(nanos);
        LOG.debug("DTLS {} connected as {} with {}", id, role, keys.profile());
        listener.onConnected(this, keys);
        drain();
    }

    private void handshakeFailed(DtlsCloseReason reason, Exception cause) {
        handshaker.recordFailed(reason);
        if (reason != DtlsCloseReason.CLOSED_LOCALLY) {
            LOG.warn("DTLS handshake of {} as {} failed: {}{}", id, role, reason,
                    cause == null ? "" : " (" + cause.getMessage() + ")");
        }
        finish(reason);
    }

    /** On the event loop, once connected: decrypts every queued datagram and hands application data on. */
    private void drain() {
        while (state == State.CONNECTED) {
            int n;
            try {
                n = dtls.receive(receiveBuffer, 0, receiveBuffer.length, 1);
            } catch (RecordQueueTransport.NoPendingDatagram e) {
                return;
            } catch (IOException | RuntimeException e) {
                finish(DtlsCloseReason.CLOSED_BY_PEER);
                return;
            }
            if (n > 0) {
                deliver(n);
            }
        }
    }

    private void deliver(int length) {
        ByteBuf data = ByteBufAllocator.DEFAULT.buffer(length);
        try {
            data.writeBytes(receiveBuffer, 0, length);
            applicationData.onApplicationData(data);
        } catch (RuntimeException e) {
            LOG.warn("application data handler of {} failed: {}", id, e.toString());
        } finally {
            data.release();
        }
    }

    private void finish(DtlsCloseReason reason) {
        state = State.CLOSED;
        transport.close();
        if (closeNotified.compareAndSet(false, true)) {
            listener.onClosed(this, reason);
        }
    }

    private void onEventLoop(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            transport.close(); // the transport's loop is gone; nobody is left to tell
        }
    }
}
