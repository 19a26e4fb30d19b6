package dev.osprey.signaling.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pending answer of a {@link DeferredRoute}: completed from any thread, written on the channel's event loop with
 * the same CORS and keep-alive rules as every other answer of the port. Only the first completion counts.
 */
public final class DeferredResponse {

    private final ChannelHandlerContext ctx;
    private final FullHttpRequest head;
    private final SignalingHttpHandler http;
    private final AtomicBoolean done = new AtomicBoolean();

    /** @param head the request without its content, kept for the response's protocol version and headers */
    DeferredResponse(ChannelHandlerContext ctx, FullHttpRequest head, SignalingHttpHandler http) {
        this.ctx = ctx;
        this.head = head;
        this.http = http;
    }

    /** The request's HTTP version, which the response must carry. */
    public HttpVersion protocolVersion() {
        return head.protocolVersion();
    }

    /** The allocator for the response body. */
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    public boolean isDone() {
        return done.get();
    }

    /**
     * Sends {@code response}, hopping to the channel's event loop when called elsewhere.
     *
     * @return whether this call answered; {@code false} (and the response released) if an answer was already given
     */
    public boolean complete(FullHttpResponse response) {
        return complete(response, () -> { });
    }

    /**
     * As {@link #complete(FullHttpResponse)}, running {@code onAnswer} first if this call is the one that answers
     * (for accounting that must be done before the client can see the answer).
     */
    public boolean complete(FullHttpResponse response, Runnable onAnswer) {
        if (!done.compareAndSet(false, true)) {
            ReferenceCountUtil.release(response);
            return false;
        }
        onAnswer.run();
        if (ctx.executor().inEventLoop()) {
            http.finishDeferred(ctx, head, response);
            return true;
        }
        try {
            ctx.executor().execute(() -> http.finishDeferred(ctx, head, response));
        } catch (RejectedExecutionException shuttingDown) {
            ReferenceCountUtil.release(response);
        }
        return true;
    }
}
