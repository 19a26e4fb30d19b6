package dev.osprey.signaling.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.function.BiFunction;

/**
 * Aggregates requests with a body limit per route: the small default for the signaling routes, a larger one for the
 * Twirp API, whose requests carry metadata, attributes and data payloads. An oversized API request is answered in the
 * API's own error format (made by {@code apiTooLarge}) instead of Netty's bare 413. A chunked body without a
 * {@code Content-Length} is bounded by the larger limit, since its route cannot be told before its size is known.
 */
public final class SignalingHttpAggregator extends HttpObjectAggregator {

    private final int defaultMaxBytes;
    private final int apiMaxBytes;
    private final BiFunction<ByteBufAllocator, HttpRequest, FullHttpResponse> apiTooLarge;

    /** @param apiTooLarge the answer to an API request over {@code apiMaxBytes}; {@code null} without an API */
    public SignalingHttpAggregator(int defaultMaxBytes, int apiMaxBytes,
                                   BiFunction<ByteBufAllocator, HttpRequest, FullHttpResponse> apiTooLarge) {
        super(Math.max(defaultMaxBytes, apiMaxBytes));
        this.defaultMaxBytes = defaultMaxBytes;
        this.apiMaxBytes = apiMaxBytes;
        this.apiTooLarge = apiTooLarge;
    }

    @Override
    protected boolean isContentLengthInvalid(HttpMessage start, int maxContentLength) {
        return super.isContentLengthInvalid(start, Math.min(maxContentLength, limitFor(start)));
    }

    private int limitFor(HttpMessage message) {
        return isApiRequest(message) ? apiMaxBytes : defaultMaxBytes;
    }

    private static boolean isApiRequest(HttpMessage message) {
        if (!(message instanceof HttpRequest request)) {
            return false;
        }
        try {
            return Route.isTwirp(Route.normalizePath(new QueryStringDecoder(request.uri()).rawPath()));
        } catch (IllegalArgumentException malformedUri) {
            return false;
        }
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (apiTooLarge == null || !isApiRequest(oversized)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        HttpRequest request = (HttpRequest) oversized;
        FullHttpResponse response = apiTooLarge.apply(ctx.alloc(), request);
        // as Netty's own answer: keep the connection only if the rest of the body can still be skipped cleanly
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
