package dev.osprey.turn.net;

import dev.osprey.turn.metrics.DropReason;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.ClientConnection;
import dev.osprey.turn.server.PeerDataFramer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * The relay socket of one allocation, receiving from peers (RFC 8656 §10.3, §12.6): data from a peer with a permission
 * goes to the client as ChannelData when the peer has a channel, else as a Data indication; data from any other
 * address is dropped and counted. Runs on the allocation's event loop; the client's socket is flushed once per read
 * batch.
 */
public final class PeerRelayHandler extends ChannelInboundHandlerAdapter {
    private final Allocation allocation;
    private final TurnMetrics metrics;
    private final boolean stream;
    private boolean flushPending;

    public PeerRelayHandler(Allocation allocation, TurnMetrics metrics) {
        this.allocation = allocation;
        this.metrics = metrics;
        this.stream = allocation.fiveTuple().protocol().isStream();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            relay(packet.content(), packet.sender());
        } finally {
            packet.release();
        }
    }

    private void relay(ByteBuf payload, InetSocketAddress peer) {
        if (allocation.state() != Allocation.State.LIVE) {
            metrics.dropped(DropReason.NO_ALLOCATION);
            return;
        }
        if (!allocation.permissions().permits(peer.getAddress())) {
            metrics.dropped(DropReason.NO_PERMISSION);
            return;
        }
        int length = payload.readableBytes();
        ClientConnection client = allocation.client();
        if (!allocation.budget().tryConsume(length)) {
            metrics.dropped(DropReason.BANDWIDTH);
            return;
        }
        if (!client.isWritable()) {
            metrics.dropped(DropReason.BACKPRESSURE);
            return;
        }
        ByteBuf framed = PeerDataFramer.frame(client.alloc(), payload, peer, allocation.channels().byPeer(peer), stream);
        if (framed == null) {
            metrics.dropped(DropReason.MALFORMED);
            return;
        }
        client.write(framed);
        flushPending = true;
        metrics.relayedToClient(length);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            allocation.client().flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP errors from peers surface here on some transports; the allocation keeps relaying.
    }
}
