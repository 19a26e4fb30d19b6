package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One passive ICE-TCP connection (RFC 6544) after RFC 4571 de-framing: the same check handling as UDP, but the
 * connection is the 5-tuple, so after its first valid check it belongs to one transport and carries its media.
 * A connection that brings no valid check within the configured time is closed, so idle or hostile connections
 * cost no more than that.
 */
final class IceTcpHandler extends ChannelInboundHandlerAdapter implements CheckReceiver {
    private static final InetSocketAddress UNSPECIFIED = new InetSocketAddress(0);

    private final BindingHandler bindings;
    private final IceMetrics metrics;
    private final Duration authTimeout;
    private ChannelHandlerContext ctx;
    private ValidPair pair;
    private ScheduledFuture<?> authDeadline;

    IceTcpHandler(BindingHandler bindings, IceMetrics metrics, Duration authTimeout) {
        this.bindings = bindings;
        this.metrics = metrics;
        this.authTimeout = authTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        authDeadline = context.executor().schedule(() -> {
            if (pair == null) {
                context.close();
            }
        }, authTimeout.toMillis(), TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            context.fireChannelRead(msg);
            return;
        }
        switch (PacketClassifier.classify(frame)) {
            case STUN -> {
                try {
                    bindings.handle(this, frame, remote());
                } finally {
                    frame.release();
                }
            }
            case MEDIA -> {
                ValidPair p = pair;
                if (p == null) {
                    drop(frame, DropReason.UNKNOWN_SOURCE);
                } else {
                    p.transport.deliver(p, frame);
                }
            }
            case EMPTY -> drop(frame, DropReason.EMPTY);
            default -> drop(frame, DropReason.UNKNOWN_PROTOCOL);
        }
    }

    private void drop(ByteBuf frame, DropReason reason) {
        frame.release();
        metrics.dropped(reason);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (authDeadline != null) {
            authDeadline.cancel(false);
        }
        if (pair != null) {
            pair.transport.onPathLost(pair);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // a reset or an I/O error: the connection is of no further use, and a peer that wants it reconnects
        metrics.socketError();
        context.close();
    }

    private InetSocketAddress remote() {
        return inet(ctx.channel().remoteAddress());
    }

    /** Socket addresses of real channels are IP ones; an in-memory test channel gets the unspecified address. */
    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : UNSPECIFIED;
    }

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public void reply(ByteBuf response, InetSocketAddress remote) {
        ctx.writeAndFlush(response, ctx.voidPromise());
    }

    @Override
    public ValidPair pairFor(LiteTransport transport, InetSocketAddress remote) {
        if (pair != null) {
            return pair.transport == transport && !pair.removed ? pair : null;
        }
        FiveTuple tuple = new FiveTuple(TransportProtocol.TCP, inet(ctx.channel().localAddress()), remote);
        pair = new ValidPair(transport, new TcpPath(ctx.channel(), tuple));
        if (authDeadline != null) {
            authDeadline.cancel(false);
        }
        return pair;
    }
}
