package dev.osprey.turn.server;

import dev.osprey.turn.allocation.ChannelBinding;
import dev.osprey.turn.frame.ChannelData;
import dev.osprey.turn.metrics.DropReason;
import dev.osprey.turn.metrics.TurnMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * The hot path from client to peer (RFC 8656 §12.6): a ChannelData message on an allocation's 5-tuple is relayed to
 * the peer bound to its channel number as a UDP datagram from the relayed address. Nothing is decoded and nothing
 * copied: the datagram's payload is a {@code retainedSlice} of the received buffer. When the peer is another
 * allocation of this server, the {@link HairpinRelay} hands the data to it without a trip through the kernel.
 * ChannelData for an unbound channel, to a peer whose permission expired, over the bandwidth cap or into a full socket
 * is dropped and counted.
 */
public final class ChannelDataRelay {
    private final TurnMetrics metrics;
    private final HairpinRelay hairpin;

    public ChannelDataRelay(TurnMetrics metrics, HairpinRelay hairpin) {
        this.metrics = metrics;
        this.hairpin = hairpin;
    }

    /**
     * Relays the complete ChannelData message at {@code frame}'s reader index (checked by the classifier or the stream
     * framer). Does not release {@code frame}.
     */
    public void toPeer(Allocation allocation, ByteBuf frame) {
        ChannelBinding binding = allocation.channels().byNumber(ChannelData.channelNumber(frame));
        if (binding == null) {
            metrics.dropped(DropReason.UNBOUND_CHANNEL);
            return;
        }
        if (!allocation.permissions().permits(binding.peer().getAddress())) {
            metrics.dropped(DropReason.NO_PERMISSION);
            return;
        }
        int length = ChannelData.dataLength(frame);
        ByteBuf data = frame.retainedSlice(frame.readerIndex() + ChannelData.HEADER_BYTES, length);
        send(allocation, data, binding.peer());
    }

    /**
     * Sends {@code data} (ownership taken) from the allocation's relayed address to {@code peer}, flushing when the
     * current read batch ends; drops it when over the cap or the socket is full. Shared with Send indications.
     */
    void send(Allocation allocation, ByteBuf data, InetSocketAddress peer) {
        int length = data.readableBytes();
        if (!allocation.budget().tryConsume(length)) {
            data.release();
            metrics.dropped(DropReason.BANDWIDTH);
            return;
        }
        if (hairpin.deliver(allocation, data, peer)) {
            metrics.relayedToPeer(length);
            metrics.hairpinned();
            return;
        }
        Channel relay = allocation.relayChannel();
        if (relay == null || !relay.isWritable()) {
            data.release();
            metrics.dropped(DropReason.BACKPRESSURE);
            return;
        }
        relay.write(new DatagramPacket(data, peer), relay.voidPromise());
        if (allocation.markRelayFlushPending()) {
            allocation.client().flushRelayLater(allocation);
        }
        metrics.relayedToPeer(length);
    }
}
