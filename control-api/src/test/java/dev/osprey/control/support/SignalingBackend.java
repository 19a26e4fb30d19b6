package dev.osprey.control.support;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for LiveKit signaling on real Netty sockets, for testing the {@code /livekit} proxy: {@code /rtc}
 * upgrades to an echoing WebSocket (permessage-deflate offered, token {@code good} required), {@code /rtc/validate},
 * {@code POST /twirp/...} echoing its body, {@code /stream} answering in chunks, {@code /} as health. On the socket,
 * {@code close:<code>} closes with that code, {@code flood} writes numbered binary frames until the connection stalls
 * ({@link Flood}) and {@code sink} stops reading so the client's writes back up.
 */
public final class SignalingBackend implements AutoCloseable {

    /** One request as the backend saw it. */
    public record Seen(String method, String uri, HttpHeaders headers, byte[] body) {
    }

    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Bytes read off the wire from all connections (before any decoding). */
    public final AtomicLong wireBytesIn = new AtomicLong();
    /** Bytes {@code flood} wrote before the connection stalled, or -1 when nothing held it back ({@link Flood}). */
    public final CompletableFuture<Long> flooded = new CompletableFuture<>();
    /** The WebSocket channel that last asked to {@code sink}. */
    public final CompletableFuture<Channel> sinking = new CompletableFuture<>();
    public final AtomicLong sunkBytes = new AtomicLong();
    /** Completed once {@link #sunkBytes} reaches {@link #sinkGoal}. */
    public final CompletableFuture<Long> sunk = new CompletableFuture<>();
    public volatile long sinkGoal = Long.MAX_VALUE;
    public final List<Channel> sockets = new CopyOnWriteArrayList<>();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    public SignalingBackend() {
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    // small socket buffers: what a test sees held back is the proxy's doing, not the kernel's
                    .childOption(ChannelOption.SO_RCVBUF, 64 * 1024).childOption(ChannelOption.SO_SNDBUF, 64 * 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new WireCounter())
                                    .addLast(new HttpServerCodec())
                                    .addLast(new WebSocketServerCompressionHandler(64 * 1024 * 1024))
                                    .addLast(new HttpObjectAggregator(16 * 1024 * 1024))
                                    .addLast(new Routes());
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Seen last() {
        return seen.getLast();
    }

    private final class WireCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) {
                wireBytesIn.addAndGet(b.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }
    }

    private final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            byte[] body = new byte[req.content().readableBytes()];
            req.content().getBytes(req.content().readerIndex(), body);
            seen.add(new Seen(req.method().name(), req.uri(), req.headers().copy(), body));
            QueryStringDecoder query = new QueryStringDecoder(req.uri());
            String token = query.parameters().getOrDefault("access_token", List.of("")).getFirst();
            String path = query.path();
            if (path.equals("/rtc") && req.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
                if (!token.equals("good")) {
                    respond(ctx, req, HttpResponseStatus.UNAUTHORIZED, "invalid token", "text/plain");
                    return;
                }
                upgrade(ctx, req);
            } else if (path.equals("/rtc/validate")) {
                boolean ok = token.equals("good");
                respond(ctx, req, ok ? HttpResponseStatus.OK : HttpResponseStatus.UNAUTHORIZED,
                        ok ? "success" : "invalid token", "text/plain");
            } else if (path.startsWith("/twirp/") && req.method().name().equals("POST")) {
                FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        req.content().retainedDuplicate());
                r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/protobuf")
                        .set(HttpHeaderNames.CONTENT_LENGTH, body.length).set("X-Backend", "signaling");
                ctx.writeAndFlush(r);
            } else if (path.equals("/stream")) {
                stream(ctx, Integer.parseInt(query.parameters().get("n").getFirst()));
            } else if (path.equals("/")) {
                respond(ctx, req, HttpResponseStatus.OK, "OK", "text/plain");
            } else {
                respond(ctx, req, HttpResponseStatus.NOT_FOUND, "404 page not found", "text/plain");
            }
        }

        private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String text,
                             String type) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type).set(HttpHeaderNames.CONTENT_LENGTH,
                    r.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(req) && status.code() < 400;
            var written = ctx.writeAndFlush(r);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** {@code n} bytes of a counting pattern in 8 KiB chunks, chunked transfer encoding. */
        private void stream(ChannelHandlerContext ctx, int n) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            ctx.write(head);
            for (int off = 0; off < n; off += 8192) {
                int len = Math.min(8192, n - off);
                byte[] pattern = new byte[len];
                for (int i = 0; i < len; i++) {
                    pattern[i] = (byte) ((off + i) % 251);
                }
                // one bulk write: paranoid leak detection records every buffer access
                ctx.write(new DefaultHttpContent(ctx.alloc().buffer(len).writeBytes(pattern)));
            }
            ctx.writeAndFlush(new DefaultLastHttpContent());
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://" + req.headers().get(HttpHeaderNames.HOST) + "/rtc", null, true, 64 * 1024 * 1024)
                    .newHandshaker(req);
            ctx.pipeline().replace(this, "frames", new Frames(handshaker));
            sockets.add(ctx.channel());
            handshaker.handshake(ctx.channel(), req);
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketServerHandshaker handshaker;
        private boolean sink;

        Frames(WebSocketServerHandshaker handshaker) {
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            switch (frame) {
                case CloseWebSocketFrame close -> handshaker.close(ctx.channel(), close.retain());
                case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                case TextWebSocketFrame text -> text(ctx, text.text());
                case BinaryWebSocketFrame binary when sink -> {
                    long total = sunkBytes.addAndGet(binary.content().readableBytes());
                    if (total >= sinkGoal) {
                        sunk.complete(total);
                    }
                }
                case BinaryWebSocketFrame binary ->
                        ctx.writeAndFlush(new BinaryWebSocketFrame(binary.content().retain()));
                default -> { }
            }
        }

        private void text(ChannelHandlerContext ctx, String text) {
            if (text.startsWith("close:")) {
                ctx.writeAndFlush(new CloseWebSocketFrame(Integer.parseInt(text.substring(6)), "requested"))
                        .addListener(ChannelFutureListener.CLOSE);
            } else if (text.equals("flood")) {
                Flood.start(ctx.channel()).stalled.whenComplete((n, e) -> flooded.complete(n));
            } else if (text.equals("sink")) {
                sink = true;
                ctx.channel().config().setAutoRead(false);
                ctx.channel().config().setAllocator(Flood.UNTRACKED);
                ctx.writeAndFlush(new TextWebSocketFrame("sinking"));
                sinking.complete(ctx.channel());
            } else {
                ctx.writeAndFlush(new TextWebSocketFrame(text));
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        sockets.forEach(Channel::close);
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
