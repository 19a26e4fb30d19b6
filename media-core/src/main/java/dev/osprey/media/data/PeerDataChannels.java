package dev.osprey.media.data;

import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import dev.osprey.sctp.datachannel.DataChannelListener;
import dev.osprey.sctp.datachannel.DataChannelState;
import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * The data channels of one of a participant's peer connections as its data path uses them: the listener of that
 * connection's SCTP association. Every message received on any channel goes to the data path with the reliability
 * of the channel's options; two channels are kept for sending toward the participant. On the subscriber connection
 * those are opened in-band by Osprey as soon as the association is up, as LiveKit's server does: {@code _reliable}
 * (ordered, reliable) and {@code _lossy} (unordered, maxRetransmits 0, RFC 8831 §6.1). On the publisher connection
 * they are the channels the client created under those labels. A channel is adopted only when its options match its
 * label's kind. Confined to the participant's event loop.
 */
public final class PeerDataChannels implements DataChannelListener {
    public static final String RELIABLE_LABEL = "_reliable";
    public static final String LOSSY_LABEL = "_lossy";

    private final PeerConnectionRole role;
    private final ParticipantDataPath path;
    private ChannelOpener opener = ChannelOpener.NONE;
    private boolean connected;
    private DataChannel reliable;
    private DataChannel lossy;

    PeerDataChannels(PeerConnectionRole role, ParticipantDataPath path) {
        this.role = role;
        this.path = path;
    }

    /** How channels are opened on this connection's association (the transport's data channel handle). */
    public void opener(ChannelOpener newOpener) {
        this.opener = Objects.requireNonNull(newOpener, "opener");
    }

    public PeerConnectionRole role() {
        return role;
    }

    /** Whether this connection's SCTP association is established. */
    public boolean connected() {
        return connected;
    }

    /** The open channel toward the participant for {@code reliability}, or {@code null}. */
    DataChannel channel(DataReliability reliability) {
        DataChannel c = reliability == DataReliability.RELIABLE ? reliable : lossy;
        return connected && c != null && c.state() == DataChannelState.OPEN ? c : null;
    }

    /** Reliable when neither retransmissions nor lifetime are limited (RFC 8831 §6.1), whatever the label. */
    public static DataReliability reliabilityOf(ChannelOptions options) {
        return options.maxRetransmits() < 0 && options.maxPacketLifeTimeMillis() < 0
                ? DataReliability.RELIABLE : DataReliability.LOSSY;
    }

    @Override
    public void onConnected() {
        connected = true;
        if (role == PeerConnectionRole.SUBSCRIBER) {
            // each open() reports the new channel through onChannelOpen before it returns
            opener.open(RELIABLE_LABEL, ChannelOptions.RELIABLE);
            opener.open(LOSSY_LABEL, ChannelOptions.LOSSY);
        }
        path.channelsChanged();
    }

    @Override
    public void onChannelOpen(DataChannel channel) {
        DataReliability kind = reliabilityOf(channel.options());
        if (kind == DataReliability.RELIABLE && reliable == null && RELIABLE_LABEL.equals(channel.label())) {
            reliable = channel;
            channel.setBufferedAmountLowThreshold(path.limits().reliableInFlightBytes() / 2);
        } else if (kind == DataReliability.LOSSY && lossy == null && LOSSY_LABEL.equals(channel.label())) {
            lossy = channel;
            channel.setBufferedAmountLowThreshold(path.limits().lossyBufferBytes() / 2);
        }
        path.channelsChanged();
    }

    @Override
    public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
        path.received(data, reliabilityOf(channel.options()), channel.label());
    }

    @Override
    public void onChannelClosed(DataChannel channel) {
        if (channel == reliable) {
            reliable = null;
        } else if (channel == lossy) {
            lossy = null;
        }
        path.channelsChanged();
    }

    @Override
    public void onBufferedAmountLow(DataChannel channel) {
        path.channelsChanged();
    }

    @Override
    public void onDisconnected(CloseReason reason) {
        connected = false;
        reliable = null;
        lossy = null;
        path.channelsChanged();
    }

    @Override
    public String toString() {
        return "PeerDataChannels[" + role + (connected ? " connected" : "") + "]";
    }
}
