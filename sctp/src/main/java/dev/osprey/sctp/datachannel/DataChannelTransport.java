package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.DtlsRole;
import dev.osprey.sctp.PacketSender;
import dev.osprey.sctp.SctpAssociation;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpCounters;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.SctpScheduler;
import dev.osprey.sctp.SendOptions;
import dev.osprey.sctp.SendResult;
import dev.osprey.sctp.StreamHandler;
import dev.osprey.sctp.datachannel.DcepMessage.DataChannelAck;
import dev.osprey.sctp.datachannel.DcepMessage.DataChannelOpen;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WebRTC data channels over one SCTP association (RFC 8831, RFC 8832): DCEP for channels either side opens in-band,
 * pre-negotiated channels, PPIDs for text / binary / empty messages, and closing by stream reset. The peer
 * connection owns one per DTLS transport and feeds it DTLS application data. Not thread-safe: use it from the
 * association's event loop.
 */
public final class DataChannelTransport {
    private static final Logger LOG = LoggerFactory.getLogger(DataChannelTransport.class);
    private static final SendOptions DCEP_OPTIONS = SendOptions.RELIABLE_ORDERED; // RFC 8832 §6

    private final SctpEndpoint endpoint;
    private final DtlsRole role;
    private final DataChannelListener listener;
    private final SctpAssociation association;
    private final SctpCounters counters;
    private final Map<Integer, DataChannel> channels = new HashMap<>();
    private boolean connected;

    /**
     * @param role this side's DTLS role, which decides the parity of the stream ids we pick (RFC 8832 §6)
     */
    public DataChannelTransport(SctpEndpoint endpoint, DtlsRole role, PacketSender sender, SctpScheduler scheduler,
                                DataChannelListener listener) {
        this.endpoint = endpoint;
        this.counters = endpoint.counters();
        this.role = role;
        this.listener = listener;
        this.association = new SctpAssociation(endpoint, sender, scheduler, new Handler());
    }

    /** Sends INIT; both WebRTC peers do (RFC 8831 §6.1). */
    public void start() {
        association.connect();
    }

    /** One DTLS application-data record; takes ownership. */
    public void handlePacket(ByteBuf packet) {
        association.handlePacket(packet);
    }

    public SctpAssociation association() {
        return association;
    }

    /** RFC 8841: the peer's {@code a=max-message-size} from its SDP. */
    public void setRemoteMaxMessageSize(long bytes) {
        association.setRemoteMaxMessageSize(bytes);
    }

    /** Opens a channel in-band (DATA_CHANNEL_OPEN) on the next free stream id of our DTLS role's parity. */
    public DataChannel open(String label, ChannelOptions options) {
        int id = freeStreamId();
        DataChannel channel = new DataChannel(this, id, label, options, false, false);
        channels.put(id, channel);
        DataChannelOpen open = new DataChannelOpen(options.channelType(), options.priority(),
                options.reliabilityParameter(), label, options.protocol());
        ByteBuf buf = allocator().buffer(open.length());
        open.encode(buf);
        association.send(id, Ppid.DCEP, buf, DCEP_OPTIONS);
        if (connected) {
            opened(channel);
        }
        return channel;
    }

    /** A channel both sides agreed on out of band ({@code negotiated: true, id}); no DCEP. */
    public DataChannel openNegotiated(int id, String label, ChannelOptions options) {
        if (id < 0 || id > 0xFFFE || channels.containsKey(id)) {
            throw new IllegalArgumentException("stream id " + id + " invalid or in use");
        }
        DataChannel channel = new DataChannel(this, id, label, options, true, true);
        channels.put(id, channel);
        if (connected) {
            opened(channel);
        }
        return channel;
    }

    public Optional<DataChannel> channel(int id) {
        return Optional.ofNullable(channels.get(id));
    }

    public Collection<DataChannel> channels() {
        return Collections.unmodifiableCollection(channels.values());
    }

    /** Graceful SCTP shutdown (RFC 9260 §9.2). */
    public void close() {
        association.shutdown();
    }

    ByteBufAllocator allocator() {
        return endpoint.allocator();
    }

    SendResult send(DataChannel channel, ByteBuf data, boolean binary) {
        if (channel.state() != DataChannelState.OPEN && channel.state() != DataChannelState.CONNECTING) {
            data.release();
            return SendResult.NOT_OPEN;
        }
        long ppid = binary ? Ppid.BINARY : Ppid.STRING;
        if (!data.isReadable()) {
            data.writeByte(0); // RFC 8831 §6.6: empty messages carry one ignored byte
            ppid = binary ? Ppid.BINARY_EMPTY : Ppid.STRING_EMPTY;
        }
        SendOptions options = channel.sendOptions();
        if (!channel.acknowledged()) {
            // RFC 8832 §6: until DATA_CHANNEL_ACK arrives, messages are sent ordered
            options = new SendOptions(false, options.maxRetransmits(), options.lifetimeMillis());
        }
        int length = data.readableBytes();
        SendResult result = association.send(channel.id(), ppid, data, options);
        if (result == SendResult.QUEUED) {
            channel.addBuffered(length);
        }
        return result;
    }

    void close(DataChannel channel) {
        if (channel.state() == DataChannelState.CLOSING || channel.state() == DataChannelState.CLOSED) {
            return;
        }
        channel.state(DataChannelState.CLOSING);
        association.resetStream(channel.id());
    }

    private int freeStreamId() {
        int limit = association.outboundStreams() > 0 ? association.outboundStreams()
                : endpoint.settings().maxOutboundStreams();
        for (int id = role.streamParity(); id < limit; id += 2) {
            if (!channels.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free stream id below " + limit);
    }

    private void opened(DataChannel channel) {
        channel.state(DataChannelState.OPEN);
        try {
            listener.onChannelOpen(channel);
        } catch (RuntimeException e) {
            LOG.warn("data channel listener failed on open of {}", channel, e);
        }
    }

    private void onDcep(int streamId, ByteBuf message) {
        DcepMessage dcep;
        try {
            dcep = DcepMessage.decode(message);
        } catch (SctpParseException e) {
            counters.increment(e.reason() == SctpParseException.Reason.LENGTH_PAST_END
                    ? SctpCounter.LENGTH_PAST_END : SctpCounter.MALFORMED);
            return;
        }
        DataChannel existing = channels.get(streamId);
        switch (dcep) {
            case DataChannelAck ack -> {
                if (existing != null) {
                    existing.acknowledge();
                } else {
                    counters.increment(SctpCounter.DATA_CHANNEL_MESSAGES_DROPPED);
                }
            }
            case DataChannelOpen open -> onRemoteOpen(streamId, open, existing);
        }
    }

    /** RFC 8832 §6: the peer opened a channel; its stream id must have the peer's parity. */
    private void onRemoteOpen(int streamId, DataChannelOpen open, DataChannel existing) {
        if (existing != null || (streamId & 1) == role.streamParity()) {
            counters.increment(SctpCounter.DATA_CHANNEL_MESSAGES_DROPPED);
            return;
        }
        ChannelOptions options = ChannelOptions.of(open.channelType(), open.reliabilityParameter(),
                open.protocol(), open.priority());
        DataChannel channel = new DataChannel(this, streamId, open.label(), options, false, true);
        channels.put(streamId, channel);
        DataChannelAck ack = new DataChannelAck();
        ByteBuf buf = allocator().buffer(ack.length());
        ack.encode(buf);
        association.send(streamId, Ppid.DCEP, buf, DCEP_OPTIONS);
        opened(channel);
    }

    private void onUserMessage(int streamId, long ppid, ByteBuf message) {
        DataChannel channel = channels.get(streamId);
        boolean known = ppid == Ppid.STRING || ppid == Ppid.BINARY || ppid == Ppid.STRING_EMPTY
                || ppid == Ppid.BINARY_EMPTY;
        if (channel == null || !known || channel.incomingReset()) {
            counters.increment(SctpCounter.DATA_CHANNEL_MESSAGES_DROPPED);
            return;
        }
        boolean binary = ppid == Ppid.BINARY || ppid == Ppid.BINARY_EMPTY;
        ByteBuf data = ppid == Ppid.STRING_EMPTY || ppid == Ppid.BINARY_EMPTY ? message.slice(message.readerIndex(), 0)
                : message;
        listener.onMessage(channel, data, binary);
    }

    private void maybeClosed(DataChannel channel) {
        if (channel.outgoingReset() && channel.incomingReset() && channel.state() != DataChannelState.CLOSED) {
            channel.state(DataChannelState.CLOSED);
            channels.remove(channel.id());
            listener.onChannelClosed(channel);
        }
    }

    /** The association's events, turned into channel events. */
    private final class Handler implements StreamHandler {
        @Override
        public void onEstablished() {
            connected = true;
            listener.onConnected();
            for (DataChannel channel : new ArrayList<>(channels.values())) {
                if (channel.state() == DataChannelState.CONNECTING) {
                    opened(channel);
                }
            }
        }

        @Override
        public void onMessage(int streamId, long ppid, ByteBuf message) {
            if (ppid == Ppid.DCEP) {
                onDcep(streamId, message);
            } else {
                onUserMessage(streamId, ppid, message);
            }
        }

        @Override
        public void onSendBufferReleased(int streamId, long ppid, int bytes) {
            DataChannel channel = channels.get(streamId);
            if (channel != null && ppid != Ppid.DCEP && channel.releaseBuffered(bytes)) {
                listener.onBufferedAmountLow(channel);
            }
        }

        @Override
        public void onIncomingStreamsReset(List<Integer> streamIds) {
            for (DataChannel channel : affected(streamIds)) {
                channel.markIncomingReset();
                if (channel.state() != DataChannelState.CLOSING) {
                    close(channel); // RFC 8831 §6.7: answer the peer's reset with ours
                }
                maybeClosed(channel);
            }
        }

        @Override
        public void onOutgoingStreamsReset(List<Integer> streamIds) {
            for (DataChannel channel : affected(streamIds)) {
                channel.markOutgoingReset();
                maybeClosed(channel);
            }
        }

        private List<DataChannel> affected(List<Integer> streamIds) {
            if (streamIds.isEmpty()) {
                return new ArrayList<>(channels.values());
            }
            List<DataChannel> out = new ArrayList<>(streamIds.size());
            for (int id : streamIds) {
                DataChannel channel = channels.get(id);
                if (channel != null) {
                    out.add(channel);
                }
            }
            return out;
        }

        @Override
        public void onClosed(CloseReason reason) {
            connected = false;
            for (DataChannel channel : new ArrayList<>(channels.values())) {
                channel.state(DataChannelState.CLOSED);
                listener.onChannelClosed(channel);
            }
            channels.clear();
            listener.onDisconnected(reason);
        }
    }
}
