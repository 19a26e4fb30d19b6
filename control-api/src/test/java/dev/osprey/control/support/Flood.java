package dev.osprey.control.support;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A writer that sends numbered binary WebSocket frames as fast as its connection takes them, resuming whenever the
 * connection becomes writable again, up to {@link #CAP_BYTES}. When the connection stays unwritable for a whole
 * {@link #STALL_MILLIS} window, the far side has stopped reading: {@link #stalled} completes with the bytes written
 * so far; it completes with -1 if the cap is reached first (nothing held the writer back). Frame {@code n} starts with
 * {@code n} as a big-endian int and is filled with {@code n}'s low byte.
 */
public final class Flood extends ChannelInboundHandlerAdapter {

    public static final long CAP_BYTES = 192L * 1024 * 1024;
    /**
     * Paranoid leak detection records a stack trace on every access to a tracked buffer, and WebSocket masking touches
     * every eight bytes: flooding channels (the test's own stand-ins, never the proxy under test) allocate untracked.
     */
    public static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(false, true);
    public static final int FRAME_BYTES = 64 * 1024;
    static final long STALL_MILLIS = 250;

    public final CompletableFuture<Long> stalled = new CompletableFuture<>();
    private final Channel channel;
    private long written;
    private int seq;
    private long resumes;

    private Flood(Channel channel) {
        this.channel = channel;
    }

    /** Starts flooding {@code channel} (a WebSocket connection past its handshake) from its event loop. */
    public static Flood start(Channel channel) {
        Flood flood = new Flood(channel);
        channel.eventLoop().execute(() -> {
            channel.config().setAllocator(UNTRACKED);
            channel.pipeline().addLast(flood);
            flood.pump();
        });
        return flood;
    }

    /** Frame {@code n}'s content. */
    public static byte[] frame(int n) {
        byte[] data = new byte[FRAME_BYTES];
        Arrays.fill(data, (byte) n);
        data[0] = (byte) (n >>> 24);
        data[1] = (byte) (n >>> 16);
        data[2] = (byte) (n >>> 8);
        data[3] = (byte) n;
        return data;
    }

    /** The number carried by a frame's first four bytes. */
    public static int number(byte[] data) {
        return (data[0] & 0xff) << 24 | (data[1] & 0xff) << 16 | (data[2] & 0xff) << 8 | (data[3] & 0xff);
    }

    private void pump() {
        while (channel.isWritable() && written < CAP_BYTES && !stalled.isDone()) {
            channel.writeAndFlush(new BinaryWebSocketFrame(channel.alloc().buffer(FRAME_BYTES)
                    .writeBytes(frame(seq++))));
            written += FRAME_BYTES;
        }
        if (written >= CAP_BYTES) {
            stalled.complete(-1L);
        } else if (!channel.isWritable()) {
            long mark = resumes;
            channel.eventLoop().schedule(() -> {
                if (!channel.isWritable() && resumes == mark) {
                    stalled.complete(written);
                }
            }, STALL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            resumes++;
            pump();
        }
        ctx.fireChannelWritabilityChanged();
    }
}
