package dev.osprey.signaling.ws;

import dev.osprey.signaling.SignalingMetrics;
import dev.osprey.signaling.join.ParticipantInit;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import livekit.LivekitRtc.Pong;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One participant's signal WebSocket after the upgrade (RFC 6455). It answers the liveness requests at the
 * WebSocket layer as LiveKit does ({@code ping} → {@code pong}, {@code ping_req} → {@code pong_resp} echoing the
 * timestamp), closes on {@code leave}, sends a WebSocket ping every {@link #PING_INTERVAL}, and answers in the
 * encoding the client last used. Malformed or oversize messages are counted and end the session with a close code
 * that says why; no exception leaves the handler.
 */
public final class SignalSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** LiveKit's server-side WebSocket ping period. */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SignalSessionHandler.class);

    private final ParticipantInit participant;
    private final SignalingMetrics metrics;
    private final Clock clock;
    private final int maxMessageBytes;
    private final SignalSession session;
    private volatile WireFormat replyFormat = WireFormat.PROTOBUF;
    private ScheduledFuture<?> pinger;
    private boolean counted;
    private ChannelHandlerContext context;
    private Output output;
    private boolean clientLeft;

    /** @param session the room side, or {@code null} for a bare session that only answers liveness requests */
    public SignalSessionHandler(ParticipantInit participant, SignalingMetrics metrics, Clock clock, int maxMessageBytes,
                                SignalSession session) {
        this.participant = participant;
        this.metrics = metrics;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
        this.session = session;
    }

    /** The opening handshake completed: the room side may send. */
    void opened() {
        if (session != null && context != null && context.channel().isActive()) {
            output = new Output(context);
            session.attach(output);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        counted = true;
        metrics.connectionOpened();
        long periodMillis = PING_INTERVAL.toMillis();
        pinger = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new PingWebSocketFrame()),
                periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        LOG.debug("signal session open room={} participant={}", participant.roomName(), participant.identity());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (counted) {
            counted = false;
            metrics.connectionClosed();
            if (session != null) {
                session.detached(output, clientLeft);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handlerRemoved(ctx);
        LOG.debug("signal session closed room={} participant={}", participant.roomName(), participant.identity());
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case BinaryWebSocketFrame binary -> request(ctx, binary, WireFormat.PROTOBUF);
            case TextWebSocketFrame text -> request(ctx, text, WireFormat.JSON);
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case PongWebSocketFrame ignored -> { } // its arrival is the liveness signal (resets the idle timer)
            case CloseWebSocketFrame close -> { // RFC 6455, section 5.5.1: echo the status, then close the connection
                clientLeft = close.statusCode() == WebSocketCloseStatus.NORMAL_CLOSURE.code();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0 ? 1000 : close.statusCode(), ""))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            default -> {
                metrics.frameMalformed("frame-type");
                close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "unexpected frame type");
            }
        }
    }

    private void request(ChannelHandlerContext ctx, WebSocketFrame frame, WireFormat format) {
        SignalRequest request;
        try {
            request = format == WireFormat.PROTOBUF
                    ? SignalFrameCodec.decodeProtobuf(frame.content())
                    : SignalFrameCodec.decodeJson(frame.content());
        } catch (SignalFrameException e) {
            metrics.frameMalformed(format.metricName());
            close(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, e.getMessage());
            return;
        }
        metrics.frameReceived(format.metricName());
        replyFormat = format; // LiveKit answers in the client's latest encoding
        switch (request.getMessageCase()) {
            case PING -> reply(ctx, SignalResponse.newBuilder().setPong(clock.millis()).build());
            case PING_REQ -> reply(ctx, SignalResponse.newBuilder().setPongResp(Pong.newBuilder()
                    .setLastPingTimestamp(request.getPingReq().getTimestamp())
                    .setTimestamp(clock.millis())).build());
            case LEAVE -> {
                clientLeft = true;
                if (session != null) {
                    session.onRequest(request);
                }
                close(ctx, WebSocketCloseStatus.NORMAL_CLOSURE, "");
            }
            default -> {
                if (session != null) {
                    session.onRequest(request);
                } else {
                    LOG.debug("signal request {} from {} has no room to go to", request.getMessageCase(),
                            participant.identity());
                }
            }
        }
    }

    private void reply(ChannelHandlerContext ctx, SignalResponse response) {
        ctx.writeAndFlush(SignalFrameCodec.encode(response, replyFormat, ctx.alloc()));
    }

    private static void close(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        // a client that does not read its answers stops being read from, so its requests cannot pile up replies
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            metrics.sessionTimedOut();
            close(ctx, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "no traffic from client");
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        DecompressionException inflate = decompressionFailure(cause);
        if (inflate != null) {
            inflateFailed(ctx, inflate);
            return;
        }
        switch (cause) {
            case TooLongFrameException ignored -> {
                metrics.frameMalformed("oversize");
                close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG,
                        "signal message exceeds size limit of " + maxMessageBytes + " bytes");
            }
            case CorruptedWebSocketFrameException corrupted -> {
                metrics.frameMalformed(corrupted.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG
                        ? "oversize" : "protocol");
                close(ctx, corrupted.closeStatus(), corrupted.getMessage());
            }
            case CorruptedFrameException corrupted -> {
                metrics.frameMalformed("protocol");
                close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "malformed WebSocket frame");
            }
            case IOException io -> ctx.close(); // the peer went away
            default -> {
                LOG.warn("closing signal session of {} after an unexpected error", participant.identity(), cause);
                close(ctx, WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "internal error");
            }
        }
    }

    /** permessage-deflate (RFC 7692) failures surface from the frame decoders, possibly wrapped. */
    private static DecompressionException decompressionFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DecompressionException inflate) {
                return inflate;
            }
        }
        return null;
    }

    /** A message that inflates past the size limit is oversize (a deflate bomb); other inflate errors are bad data. */
    private void inflateFailed(ChannelHandlerContext ctx, DecompressionException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("maximum size")) {
            metrics.frameMalformed("oversize");
            close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "signal message exceeds size limit of " + maxMessageBytes + " bytes");
        } else {
            metrics.frameMalformed("compression");
            close(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "malformed compressed message");
        }
    }

    /** Writes to this connection in the client's latest encoding; safe from any thread. */
    private final class Output implements SignalOutput {
        private final ChannelHandlerContext ctx;

        Output(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void send(SignalResponse response) {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(SignalFrameCodec.encode(response, replyFormat, ctx.alloc()));
            }
        }

        @Override
        public void close(int code, String reason) {
            if (ctx.channel().isActive()) {
                ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public boolean isOpen() {
            return ctx.channel().isActive();
        }
    }
}
