package dev.osprey.turn.net;

import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.PeerDataRelay;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * The relay socket of one allocation, receiving from peers (RFC 8656 §10.3, §12.6) and handing each datagram to the
 * {@link PeerDataRelay}. Runs on the allocation's event loop; the client's connection is flushed once per read batch.
 */
public final class PeerRelayHandler extends ChannelInboundHandlerAdapter {
    private final Allocation allocation;
    private final PeerDataRelay relay;

    public PeerRelayHandler(Allocation allocation, PeerDataRelay relay) {
        this.allocation = allocation;
        this.relay = relay;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (relay.toClient(allocation, packet.content(), packet.sender())) {
                allocation.markClientFlushPending();
            }
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        allocation.flushPending();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP errors from peers surface here on some transports; the allocation keeps relaying.
    }
}
