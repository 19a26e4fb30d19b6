package dev.osprey.signaling.ws;

import dev.osprey.signaling.SignalingMetrics;
import dev.osprey.signaling.join.ConnectRejection;
import dev.osprey.signaling.join.ParticipantInit;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Turns a validated {@code /rtc} request into a signal session: the RFC 6455 opening handshake (section 4.2.2),
 * then the pipeline becomes frame decoder → message aggregator (bounded by the message size limit) → idle guard →
 * {@link SignalSessionHandler}. Only the handler that routed the request is replaced, so the caller decides which
 * HTTP-only handlers to drop.
 */
public final class SignalSessionUpgrader {

    /** A session with no inbound frame for three ping periods is dead: a live browser answers every ping. */
    /** Name of the HTTP keep-alive idle guard, which a WebSocket session replaces with its own. */
    public static final String HTTP_IDLE_HANDLER = "http-idle";
    static final long IDLE_SECONDS = 3 * SignalSessionHandler.PING_INTERVAL.toSeconds();

    private final int maxMessageBytes;
    private final SignalingMetrics metrics;
    private final Clock clock;
    private final ChannelGroup sessions;
    private final SignalSessionFactory factory;

    /** @param factory admits participants into rooms; {@code null} runs bare sessions (liveness only) */
    public SignalSessionUpgrader(int maxMessageBytes, SignalingMetrics metrics, Clock clock, ChannelGroup sessions,
                                 SignalSessionFactory factory) {
        this.maxMessageBytes = maxMessageBytes;
        this.metrics = metrics;
        this.clock = clock;
        this.sessions = sessions;
        this.factory = factory;
    }

    /**
     * Answers the handshake and installs the session in place of {@code ctx}'s handler.
     *
     * @return the HTTP status written (101, or 426 for an unsupported WebSocket version), or 0 if the request is not
     *         a WebSocket handshake this server can complete; then nothing was written and the caller answers it
     * @throws ConnectRejection when the room does not admit the participant; nothing was written
     */
    public int upgrade(ChannelHandlerContext ctx, FullHttpRequest request, ParticipantInit participant)
            throws ConnectRejection {
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxMessageBytes)
                .allowExtensions(true)
                .build();
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, decoder)
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return HttpResponseStatus.UPGRADE_REQUIRED.code();
        }
        // the session is in place before the 101 leaves, so that it is counted and ready when the client sees it
        ChannelPipeline pipeline = ctx.pipeline();
        String name = ctx.name();
        SignalSession room = factory == null ? null : factory.open(participant, ctx.executor());
        SignalSessionHandler session = new SignalSessionHandler(participant, metrics, clock, maxMessageBytes, room);
        pipeline.addAfter(name, "ws-idle", new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS))
                .addAfter("ws-idle", "ws-session", session);
        sessions.add(ctx.channel());
        try {
            handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    session.opened();
                } else {
                    f.channel().close();
                }
            });
        } catch (WebSocketHandshakeException e) {
            pipeline.remove("ws-idle");
            pipeline.remove(session);
            sessions.remove(ctx.channel());
            if (room != null) {
                room.detached(null, true);
            }
            return 0;
        }
        if (pipeline.get(HTTP_IDLE_HANDLER) != null) {
            pipeline.remove(HTTP_IDLE_HANDLER);
        }
        pipeline.replace(name, "ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes));
        return HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    }
}
