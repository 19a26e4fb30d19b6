package dev.osprey.turn.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.util.function.IntConsumer;

/**
 * One direction of an RFC 6062 data relay (§5.4): every byte read on this channel is written, as it is, to the
 * target channel (the peer data connection for a client data connection, and the other way round), flushed once per
 * read batch. Flow control is Netty's: when the target's outbound buffer passes its high-water mark this side stops
 * reading (auto-read off), and the target's splice turns reading back on here when its buffer drains, so a fast
 * sender fills kernel buffers and TCP windows rather than memory. The two channels may belong to different event
 * loops; every cross-loop step used here (write, flush, auto-read, writability) is thread-safe in Netty. When either
 * side closes, the other is closed after what was written to it is flushed.
 *
 * <p>A peer data connection carries its splice from the start with no target; it reads nothing until
 * {@link #join} gives it one.
 */
public final class TcpSplice extends ChannelInboundHandlerAdapter {
    private final IntConsumer relayed;
    private Channel target;
    private boolean flushPending;

    /**
     * @param target  where the bytes go, or null until {@link #join}
     * @param relayed counts the bytes of each read that was relayed
     */
    TcpSplice(Channel target, IntConsumer relayed) {
        this.target = target;
        this.relayed = relayed;
    }

    /**
     * Starts relaying from {@code peer} (a pending peer data connection with a target-less splice) to
     * {@code clientData}. Runs the switch on the peer's event loop; a peer that closed meanwhile takes the client
     * data connection with it.
     */
    static void join(Channel peer, Channel clientData) {
        peer.eventLoop().execute(() -> {
            TcpSplice splice = peer.pipeline().get(TcpSplice.class);
            if (splice == null || !peer.isActive()) {
                clientData.close();
                return;
            }
            splice.target = clientData;
            peer.config().setAutoRead(true);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes) || target == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        int length = bytes.readableBytes();
        target.write(bytes, target.voidPromise());
        flushPending = true;
        relayed.accept(length);
        if (!target.isWritable()) {
            pause(ctx.channel());
        }
    }

    /** Stops reading the source until the target drains; re-checks, since the target may drain on another loop. */
    private void pause(Channel source) {
        source.config().setAutoRead(false);
        if (target.isWritable()) {
            source.config().setAutoRead(true);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            target.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && target != null) {
            target.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (target != null) {
            target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // resets and I/O errors end the connection; channelInactive then closes the other side
    }
}
