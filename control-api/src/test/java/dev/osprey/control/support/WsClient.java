package dev.osprey.control.support;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Netty WebSocket client for proxy tests: optional permessage-deflate offer, a small receive buffer so kernel
 * buffering stays bounded, and every received frame copied into a {@link Message} (nothing retained, nothing leaked).
 */
public final class WsClient implements AutoCloseable {

    /** A received frame: text, binary data, or a close with its status. */
    public record Message(String text, byte[] data, int closeCode, String closeReason) {
        public boolean isClose() {
            return closeCode != 0;
        }
    }

    /** The handshake's outcome: status and response headers. */
    public record Handshake(int status, HttpHeaders headers, String body) {
    }

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("ws-test-client", true), NioIoHandler.newFactory());

    public final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<Handshake> handshake = new CompletableFuture<>();
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Channel channel;

    private WsClient(URI uri, boolean deflate) throws InterruptedException {
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri,
                WebSocketVersion.V13, null, true, new DefaultHttpHeaders(), 64 * 1024 * 1024);
        channel = new Bootstrap().group(GROUP).channel(NioSocketChannel.class)
                .option(ChannelOption.SO_RCVBUF, 64 * 1024).option(ChannelOption.SO_SNDBUF, 64 * 1024)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec()).addLast(new HttpObjectAggregator(1 << 20));
                        if (deflate) {
                            ch.pipeline().addLast(WebSocketClientCompressionHandler.INSTANCE);
                        }
                        ch.pipeline().addLast(new Handler(handshaker));
                    }
                }).connect(uri.getHost(), uri.getPort()).sync().channel();
        channel.closeFuture().addListener(f -> {
            closed.complete(null);
            handshake.completeExceptionally(new IllegalStateException("closed before the handshake finished"));
        });
        handshaker.handshake(channel);
    }

    /** Connects and performs the opening handshake (the result, even a refusal, is in {@link #handshake}). */
    public static WsClient open(URI uri, boolean deflate) {
        try {
            return new WsClient(uri, deflate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Handshake awaitHandshake() throws Exception {
        return handshake.get(10, TimeUnit.SECONDS);
    }

    public Channel channel() {
        return channel;
    }

    public void sendText(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    public void sendBinary(byte[] data) {
        channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data))).syncUninterruptibly();
    }

    public void sendClose(int code, String reason) {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).syncUninterruptibly();
    }

    /** The next frame, or an error after the timeout. */
    public Message next() throws InterruptedException {
        Message m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return m;
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private final WebSocketClientHandshaker handshaker;

        Handler(WebSocketClientHandshaker handshaker) {
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpResponse response) {
                Handshake h = new Handshake(response.status().code(), response.headers().copy(),
                        response.content().toString(StandardCharsets.UTF_8));
                if (response.status().code() == 101) {
                    handshaker.finishHandshake(ctx.channel(), response);
                    handshake.complete(h);
                } else {
                    handshake.complete(h);
                    ctx.close();
                }
                return;
            }
            switch ((WebSocketFrame) msg) {
                case TextWebSocketFrame t -> received.add(new Message(t.text(), null, 0, null));
                case BinaryWebSocketFrame b -> received.add(new Message(null, bytes(b.content()), 0, null));
                case CloseWebSocketFrame c -> {
                    received.add(new Message(null, null, c.statusCode(), c.reasonText()));
                    ctx.close();
                }
                default -> { }
            }
        }

        private static byte[] bytes(ByteBuf b) {
            byte[] out = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), out);
            return out;
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
