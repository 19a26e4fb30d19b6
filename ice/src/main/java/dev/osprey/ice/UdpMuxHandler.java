package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The demultiplexer of one shared UDP socket (RFC 7983 by first byte): STUN goes to the {@link BindingHandler},
 * which routes a first check by ufrag; DTLS and RTP/RTCP go, without a copy, to the transport whose valid pair the
 * sender's address is. The route table is this socket's own and lives on its event loop, so a lookup is one
 * {@code HashMap.get} on the address object the socket already made.
 */
final class UdpMuxHandler extends ChannelInboundHandlerAdapter implements CheckReceiver {
    private static final Logger log = LoggerFactory.getLogger(UdpMuxHandler.class);
    private static final InetSocketAddress UNBOUND = new InetSocketAddress(0);

    private final BindingHandler bindings;
    private final IceMetrics metrics;
    private final Map<InetSocketAddress, ValidPair> routes = new HashMap<>();
    private Channel channel;
    private InetSocketAddress local = UNBOUND;

    UdpMuxHandler(BindingHandler bindings, IceMetrics metrics) {
        this.bindings = bindings;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        updateLocal();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        updateLocal();
        ctx.fireChannelActive();
    }

    private void updateLocal() {
        SocketAddress address = channel.localAddress();
        if (address instanceof InetSocketAddress inet) {
            local = inet;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf data = packet.content();
        InetSocketAddress sender = packet.sender();
        switch (PacketClassifier.classify(data)) {
            case STUN -> {
                try {
                    bindings.handle(this, data, sender);
                } finally {
                    data.release();
                }
            }
            case MEDIA -> {
                ValidPair pair = routes.get(sender);
                if (pair == null) {
                    drop(data, DropReason.UNKNOWN_SOURCE);
                } else {
                    pair.transport.deliver(pair, data);
                }
            }
            case EMPTY -> drop(data, DropReason.EMPTY);
            default -> drop(data, DropReason.UNKNOWN_PROTOCOL);
        }
    }

    private void drop(ByteBuf data, DropReason reason) {
        data.release();
        metrics.dropped(reason);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // failed sends surface here through void promises, possibly once per packet: count, never log at volume
        metrics.socketError();
        log.debug("ICE UDP socket {} error", local, cause);
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void reply(ByteBuf response, InetSocketAddress remote) {
        channel.writeAndFlush(new DatagramPacket(response, remote), channel.voidPromise());
    }

    @Override
    public ValidPair pairFor(LiteTransport transport, InetSocketAddress remote) {
        ValidPair existing = routes.get(remote);
        if (existing != null && existing.transport == transport && !existing.removed) {
            return existing;
        }
        ValidPair pair = new ValidPair(transport, new UdpPath(this, channel, local, remote));
        routes.put(remote, pair);
        if (existing != null && existing.transport != transport) {
            existing.transport.onPathLost(existing); // the address now authenticates for another transport
        }
        return pair;
    }

    /** Forgets the route of {@code pair} (from any thread), unless another pair took the address over. */
    void removeRoute(InetSocketAddress remote, ValidPair pair) {
        if (channel.eventLoop().inEventLoop()) {
            routes.remove(remote, pair);
        } else {
            channel.eventLoop().execute(() -> routes.remove(remote, pair));
        }
    }

    /** Routes on this socket; for tests (on the loop). */
    int routeCount() {
        return routes.size();
    }
}
