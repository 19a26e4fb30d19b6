package dev.osprey.signaling.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * Routes the plain HTTP requests of the signaling port: the health probe, CORS preflights, unknown paths, and hands
 * the RTC routes to {@link RtcRoutes} and the Twirp API to its {@link DeferredRoute}. Every failure becomes an HTTP
 * answer or a closed connection; nothing is thrown out of the event loop. One instance per connection: while a
 * deferred answer is pending, pipelined requests wait (at most {@link #MAX_WAITING_REQUESTS}) so that answers leave
 * in request order.
 */
public final class SignalingHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingHttpHandler.class);
    /** Go's {@code http.NotFound} body, which LiveKit answers for unknown paths. */
    static final String NOT_FOUND_BODY = "404 page not found";
    /** Requests a client may pipeline behind a pending deferred answer before the connection is closed. */
    public static final int MAX_WAITING_REQUESTS = 16;

    private final CorsPolicy cors;
    private final RtcRoutes rtc;
    private final DeferredRoute twirp;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private DeferredResponse pending;

    /** A handler without the Twirp API: its paths are answered 404 like any unknown path. */
    public SignalingHttpHandler(CorsPolicy cors, RtcRoutes rtc) {
        this(cors, rtc, null);
    }

    /** @param twirp serves {@link Route#TWIRP}; {@code null} answers those paths 404 */
    public SignalingHttpHandler(CorsPolicy cors, RtcRoutes rtc, DeferredRoute twirp) {
        this.cors = cors;
        this.rtc = rtc;
        this.twirp = twirp;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (pending != null) {
            if (waiting.size() >= MAX_WAITING_REQUESTS) {
                ctx.close(); // a client that pipelines this deep is not waiting for answers
                return;
            }
            waiting.add(request.retain());
            return;
        }
        route(ctx, request);
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            FullHttpResponse response = PlainText.response(ctx.alloc(), request, HttpResponseStatus.BAD_REQUEST,
                    "malformed HTTP request");
            response.setProtocolVersion(HttpVersion.HTTP_1_1); // the request's own version is unknowable
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (cors.isPreflight(request)) {
            send(ctx, request, cors.preflight(request));
            return;
        }
        String path;
        try {
            path = Route.normalizePath(new QueryStringDecoder(request.uri()).rawPath());
        } catch (IllegalArgumentException malformedUri) {
            send(ctx, request, PlainText.response(ctx.alloc(), request, HttpResponseStatus.BAD_REQUEST,
                    "malformed request URI"));
            return;
        }
        switch (Route.resolve(path)) {
            case HEALTH -> health(ctx, request);
            case RTC -> rtc.connect(ctx, request, this);
            case RTC_VALIDATE -> rtc.validate(ctx, request, this);
            case TWIRP -> deferred(ctx, request);
            // single peer connection signalling is not served: a plain 404 makes clients fall back to /rtc
            case RTC_V1, RTC_V1_VALIDATE, UNKNOWN -> notFound(ctx, request);
        }
    }

    private void deferred(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (twirp == null) {
            notFound(ctx, request);
            return;
        }
        // the answer may come from another thread; stop reading so that no request overtakes it
        ctx.channel().config().setAutoRead(false);
        DeferredResponse response = new DeferredResponse(ctx, request.replace(Unpooled.EMPTY_BUFFER), this);
        pending = response;
        try {
            twirp.serve(ctx, request, response);
        } catch (RuntimeException bug) {
            LOG.warn("deferred route failed on {}", request.uri(), bug);
            response.complete(PlainText.response(ctx.alloc(), request, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "internal error"));
        }
    }

    /** Writes a deferred answer (on the event loop), then resumes reading and serves the requests that waited. */
    void finishDeferred(ChannelHandlerContext ctx, FullHttpRequest head, FullHttpResponse response) {
        send(ctx, head, response);
        pending = null;
        if (ctx.isRemoved()) {
            return;
        }
        ctx.channel().config().setAutoRead(true);
        while (pending == null && !waiting.isEmpty() && ctx.channel().isActive() && !ctx.isRemoved()) {
            FullHttpRequest next = waiting.poll();
            try {
                route(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    private void health(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
            send(ctx, request, PlainText.response(ctx.alloc(), request, HttpResponseStatus.OK, "OK"));
        } else {
            FullHttpResponse response = PlainText.response(ctx.alloc(), request,
                    HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, request, response);
        }
    }

    /**
     * A plain 404 whose body never contains LiveKit's "requested room does not exist": the JS client reads any other
     * 404 from a validate URL as "this signalling version is not served" and falls back to {@code /rtc}.
     */
    void notFound(ChannelHandlerContext ctx, FullHttpRequest request) {
        send(ctx, request, PlainText.response(ctx.alloc(), request, HttpResponseStatus.NOT_FOUND, NOT_FOUND_BODY));
    }

    /** Writes a complete response with CORS headers and HTTP/1.1 persistence rules (RFC 9112, section 9.3). */
    public void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        if (!cors.isPreflight(request)) {
            cors.decorate(request, response);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive && request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null) {
            request.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handlerRemoved(ctx);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close(); // an idle keep-alive connection holds a socket and nothing else
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing signaling HTTP connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
