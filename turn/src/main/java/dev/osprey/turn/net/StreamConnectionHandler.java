package dev.osprey.turn.net;

import dev.osprey.turn.allocation.FiveTuple;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.frame.TurnStreamFrameDecoder;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.AllocationRegistry;
import dev.osprey.turn.server.ClientConnection;
import dev.osprey.turn.server.TransactionCache;
import dev.osprey.turn.server.TurnMessageDispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One TURN connection over TCP or TLS (RFC 8656 §2.1, §5): the connection is the 5-tuple, so it carries at most one
 * allocation, which is deleted when the connection closes. Frames come from {@link TurnStreamFrameDecoder}; a framing
 * error closes the connection, since the stream cannot be resynchronised. A successful ConnectionBind (RFC 6062 §5.4)
 * turns the connection into a client data connection, and this handler hands its place to a {@link TcpSplice}.
 */
public final class StreamConnectionHandler extends ChannelInboundHandlerAdapter implements ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnectionHandler.class);
    private static final int TRANSACTION_CACHE_ENTRIES = 32;
    private final TurnMessageDispatcher dispatcher;
    private final AllocationRegistry registry;
    private final TransportProtocol protocol;
    private final TurnMetrics metrics;
    private final TransactionCache transactions =
            new TransactionCache(TRANSACTION_CACHE_ENTRIES, TransactionCache.DEFAULT_TTL_NANOS);
    private final List<Allocation> relaysToFlush = new ArrayList<>(1);
    private ChannelHandlerContext ctx;
    private FiveTuple fiveTuple;
    private Allocation allocation;

    public StreamConnectionHandler(TurnMessageDispatcher dispatcher, AllocationRegistry registry,
                                   TransportProtocol protocol, TurnMetrics metrics) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.protocol = protocol;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        fiveTuple = new FiveTuple((InetSocketAddress) ctx.channel().remoteAddress(),
                (InetSocketAddress) ctx.channel().localAddress(), protocol);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            dispatcher.onFrame(frame, this);
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        for (int i = 0; i < relaysToFlush.size(); i++) {
            relaysToFlush.get(i).flushPending();
        }
        relaysToFlush.clear();
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (allocation != null) {
            registry.delete(allocation);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("TURN {} connection {} closed: {}", protocol, ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    public FiveTuple fiveTuple() {
        return fiveTuple;
    }

    @Override
    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void write(ByteBuf message) {
        if (protocol == TransportProtocol.TLS) {
            // One TLS record per TURN message: TLS is a byte stream, but some clients (coturn's turnutils_uclient)
            // take each SSL_read as exactly one message and lose whatever else the record held.
            ctx.writeAndFlush(message, ctx.voidPromise());
        } else {
            ctx.write(message, ctx.voidPromise());
        }
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public Allocation allocation() {
        return allocation;
    }

    @Override
    public void attach(Allocation allocation) {
        this.allocation = allocation;
    }

    @Override
    public void detach(Allocation allocation) {
        if (this.allocation == allocation) {
            this.allocation = null;
        }
    }

    @Override
    public TransactionCache transactions() {
        return transactions;
    }

    @Override
    public void flushRelayLater(Allocation allocation) {
        relaysToFlush.add(allocation);
    }

    /**
     * Replaces STUN framing with a raw {@link TcpSplice} to {@code peer} (RFC 6062 §5.4). Runs inside this handler's
     * own channelRead: the splice takes this handler's place first, so that when the framer is removed the bytes it
     * still holds (anything the client sent right after its ConnectionBind) go to the peer unframed.
     */
    @Override
    public void spliceTo(Channel peer) {
        ChannelPipeline pipeline = ctx.pipeline();
        relaysToFlush.clear();
        pipeline.replace(this, "turn-tcp-data", new TcpSplice(peer, metrics::relayedToPeer));
        pipeline.remove(TurnStreamFrameDecoder.class);
        TcpSplice.join(peer, ctx.channel());
    }
}
