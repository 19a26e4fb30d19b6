package dev.osprey.signaling;

import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.http.CorsPolicy;
import dev.osprey.signaling.http.RtcRoutes;
import dev.osprey.signaling.http.SignalingHttpAggregator;
import dev.osprey.signaling.http.SignalingHttpHandler;
import dev.osprey.signaling.join.ConnectRequestValidator;
import dev.osprey.signaling.twirp.TwirpRoutes;
import dev.osprey.signaling.ws.SignalSessionFactory;
import dev.osprey.signaling.ws.SignalSessionUpgrader;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The LiveKit-compatible signaling port: {@code GET|HEAD /} health probe, {@code /rtc/validate} and the
 * {@code /rtc} WebSocket (also under any path prefix), and, when given a {@link RoomService}, the Twirp server API
 * {@code POST /twirp/livekit.RoomService/<Method>}, on the event loop group the composition root provides.
 */
public final class SignalingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    static final int MAX_INITIAL_LINE_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HTTP_BODY_BYTES = 64 * 1024;
    static final int HTTP_IDLE_SECONDS = 60;
    private static final long CLOSE_WAIT_MILLIS = 3_000;

    private final SignalingConfig config;
    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> channelClass;
    private final SignalingMetrics metrics;
    private final ChannelGroup channels = new DefaultChannelGroup("osprey-signaling", GlobalEventExecutor.INSTANCE);
    private final ChannelGroup sessions = new DefaultChannelGroup("osprey-signal-sessions", GlobalEventExecutor.INSTANCE);
    private final CorsPolicy cors = new CorsPolicy();
    private final RtcRoutes rtcRoutes;
    private final TwirpRoutes twirpRoutes;
    private volatile Channel serverChannel;
    private volatile boolean closed;

    /** A server whose room check knows no rooms yet: with auto-create off, only tokens with roomCreate may join. */
    public SignalingServer(SignalingConfig config, EventLoopGroup group, Class<? extends ServerChannel> channelClass,
                           MeterRegistry registry) {
        this(config, group, channelClass, registry, new KnownRooms());
    }

    /** @param rooms which rooms exist, for joins when {@link SignalingConfig#autoCreateRooms()} is off */
    public SignalingServer(SignalingConfig config, EventLoopGroup group, Class<? extends ServerChannel> channelClass,
                           MeterRegistry registry, RoomDirectory rooms) {
        this(config, group, channelClass, registry, rooms, null);
    }

    /**
     * A server that also answers LiveKit's Twirp {@code RoomService} API by calling {@code roomService}.
     *
     * @param rooms       which rooms exist, for joins when {@link SignalingConfig#autoCreateRooms()} is off
     * @param roomService the rooms the API manages; {@code null} serves no API ({@code /twirp/...} is then a 404)
     */
    public SignalingServer(SignalingConfig config, EventLoopGroup group, Class<? extends ServerChannel> channelClass,
                           MeterRegistry registry, RoomDirectory rooms, RoomService roomService) {
        this(config, group, channelClass, registry, rooms, roomService, null);
    }

    /**
     * The whole signaling port: Twirp when {@code roomService} is given, and WebSocket sessions that join rooms
     * through {@code sessions}.
     *
     * @param sessions admits participants into rooms; {@code null} keeps sessions bare (liveness only)
     */
    public SignalingServer(SignalingConfig config, EventLoopGroup group, Class<? extends ServerChannel> channelClass,
                           MeterRegistry registry, RoomDirectory rooms, RoomService roomService,
                           SignalSessionFactory sessions) {
        this.config = Objects.requireNonNull(config, "config");
        this.group = Objects.requireNonNull(group, "group");
        this.channelClass = Objects.requireNonNull(channelClass, "channelClass");
        this.metrics = new SignalingMetrics(Objects.requireNonNull(registry, "registry"));
        Clock clock = Clock.systemUTC();
        AccessTokenVerifier verifier = new AccessTokenVerifier(config.apiKeys(), clock);
        ConnectRequestValidator validator = new ConnectRequestValidator(
                verifier, Objects.requireNonNull(rooms, "rooms"), config.autoCreateRooms());
        this.rtcRoutes = new RtcRoutes(validator,
                new SignalSessionUpgrader(config.maxMessageBytes(), metrics, clock, this.sessions, sessions), metrics);
        this.twirpRoutes = roomService == null ? null : new TwirpRoutes(roomService, verifier, registry);
    }

    /** Binds the port and returns the bound address (useful with port 0). */
    public InetSocketAddress start() throws InterruptedException {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("signaling server already started or closed");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelClass)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast("http-codec", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                                // permessage-deflate (RFC 7692), bounded by the message limit when inflating
                                .addLast("ws-compression", new WebSocketServerCompressionHandler(config.maxMessageBytes()))
                                .addLast("http-aggregator", new SignalingHttpAggregator(MAX_HTTP_BODY_BYTES,
                                        twirpRoutes == null ? MAX_HTTP_BODY_BYTES : TwirpRoutes.MAX_REQUEST_BYTES,
                                        twirpRoutes == null ? null : TwirpRoutes::tooLarge))
                                .addLast(SignalSessionUpgrader.HTTP_IDLE_HANDLER,
                                        new IdleStateHandler(0, 0, HTTP_IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast("http-router", new SignalingHttpHandler(cors, rtcRoutes, twirpRoutes));
                    }
                });
        Channel bound = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        serverChannel = bound;
        InetSocketAddress address = (InetSocketAddress) bound.localAddress();
        LOG.info("signaling listening on {} (WebSocket /rtc, GET /rtc/validate, health GET /{})", address,
                twirpRoutes == null ? "" : ", Twirp POST /twirp/livekit.RoomService/*");
        return address;
    }

    /** The meters of this server. */
    SignalingMetrics metrics() {
        return metrics;
    }

    /**
     * Stops accepting, tells every signal session that the server is going away (close code 1001, RFC 6455
     * section 7.4.1), closes every connection, and waits a bounded time for them to go.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Channel server = serverChannel;
        if (server != null) {
            server.close().awaitUninterruptibly(CLOSE_WAIT_MILLIS);
        }
        for (Channel session : sessions) {
            session.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(),
                    "server shutting down")).addListener(ChannelFutureListener.CLOSE);
        }
        if (!sessions.newCloseFuture().awaitUninterruptibly(CLOSE_WAIT_MILLIS)) {
            LOG.warn("signal sessions still open after {} ms; closing them", CLOSE_WAIT_MILLIS);
        }
        if (!channels.close().awaitUninterruptibly(CLOSE_WAIT_MILLIS)) {
            LOG.warn("signaling connections still open after {} ms", CLOSE_WAIT_MILLIS);
        }
    }
}
