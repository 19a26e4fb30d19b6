package dev.osprey.media.transport;

import dev.osprey.dtls.DtlsEndpoint;
import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.DtlsRole;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpScheduler;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import dev.osprey.sctp.datachannel.DataChannelListener;
import dev.osprey.sctp.datachannel.DataChannelTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The data channel side of a peer connection (RFC 8831): once DTLS is up and the peer negotiated an
 * {@code m=application} section, an SCTP association of the sctp module runs over DTLS application data (RFC 8261).
 * This is the handle: it starts and stops the association, opens channels and carries records both ways; what the
 * channels' messages mean (LiveKit data packets) belongs to a listener set later. On the transport's loop.
 */
public final class DataChannelHandle {
    private final SctpEndpoint endpoint;
    private final EventLoop loop;
    private boolean enabled;
    private long remoteMaxMessageBytes;
    private DtlsRole role = DtlsRole.SERVER;
    private DataChannelTransport transport;
    private volatile DataChannelListener listener = new CountingListener();
    long recordsIn;

    DataChannelHandle(SctpEndpoint endpoint, EventLoop loop) {
        this.endpoint = endpoint;
        this.loop = loop;
    }

    void configure(boolean negotiated, long maxMessageBytes, dev.osprey.dtls.DtlsRole dtlsRole) {
        this.enabled = negotiated;
        this.remoteMaxMessageBytes = maxMessageBytes;
        this.role = dtlsRole == dev.osprey.dtls.DtlsRole.CLIENT ? DtlsRole.CLIENT : DtlsRole.SERVER;
    }

    /** Where channel events go; set before the association connects to see every channel. */
    public void listener(DataChannelListener newListener) {
        this.listener = newListener;
    }

    /** DTLS connected: the association starts (both WebRTC peers send INIT, RFC 8831 §6.1). */
    void start(DtlsEndpoint dtls) {
        if (!enabled || transport != null) {
            return;
        }
        transport = new DataChannelTransport(endpoint, role, dtls::sendApplicationData, scheduler(),
                new Delegate());
        if (remoteMaxMessageBytes > 0) {
            transport.setRemoteMaxMessageSize(remoteMaxMessageBytes);
        }
        transport.start();
    }

    /** One DTLS application data record; the buffer is lent for the call, so it is retained for the association. */
    void onApplicationData(ByteBuf record) {
        recordsIn++;
        if (transport != null) {
            transport.handlePacket(record.retain());
        }
    }

    /** Opens a channel in-band (DCEP), e.g. LiveKit's {@code _reliable} and {@code _lossy}; empty before SCTP runs. */
    public Optional<DataChannel> open(String label, ChannelOptions options) {
        return transport == null ? Optional.empty() : Optional.of(transport.open(label, options));
    }

    public boolean active() {
        return transport != null;
    }

    /**
     * The peer connection is going away: ABORT (RFC 9260 §9.1), not a SHUTDOWN whose round trips the closing DTLS
     * transport could no longer carry, so every buffer the association holds is released now.
     */
    void close() {
        if (transport != null) {
            transport.association().abort("peer connection closed");
            transport = null;
        }
    }

    private SctpScheduler scheduler() {
        return new SctpScheduler() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Runnable task, long delayNanos) {
                var future = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }

    /** Forwards to whatever listener is current. */
    private final class Delegate implements DataChannelListener {
        @Override
        public void onConnected() {
            listener.onConnected();
        }

        @Override
        public void onChannelOpen(DataChannel channel) {
            listener.onChannelOpen(channel);
        }

        @Override
        public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
            listener.onMessage(channel, data, binary);
        }

        @Override
        public void onChannelClosed(DataChannel channel) {
            listener.onChannelClosed(channel);
        }

        @Override
        public void onBufferedAmountLow(DataChannel channel) {
            listener.onBufferedAmountLow(channel);
        }

        @Override
        public void onDisconnected(CloseReason reason) {
            listener.onDisconnected(reason);
        }
    }

    /** Until the data path is wired: channels are accepted and messages counted (the lent buffers need nothing). */
    static final class CountingListener implements DataChannelListener {
        long channels;
        long messages;

        @Override
        public void onChannelOpen(DataChannel channel) {
            channels++;
        }

        @Override
        public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
            messages++;
        }
    }
}
