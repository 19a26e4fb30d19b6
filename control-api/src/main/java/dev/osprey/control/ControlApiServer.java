package dev.osprey.control;

import dev.osprey.control.admin.AdminDiagnostics;
import dev.osprey.control.admin.AdminRoomEndpoints;
import dev.osprey.control.admin.AdminRoomQueries;
import dev.osprey.control.admin.AdminSystemEndpoints;
import dev.osprey.control.admin.AdminUserEndpoints;
import dev.osprey.control.admin.OutboundWebhooks;
import dev.osprey.control.auth.AccountEndpoints;
import dev.osprey.control.auth.AuthEndpoints;
import dev.osprey.control.auth.AuthState;
import dev.osprey.control.auth.EmailFlows;
import dev.osprey.control.auth.EmailSender;
import dev.osprey.control.auth.LoggingEmailSender;
import dev.osprey.control.auth.OAuthEndpoints;
import dev.osprey.control.auth.PasswordHasher;
import dev.osprey.control.auth.SessionTokens;
import dev.osprey.control.auth.Sessions;
import dev.osprey.control.db.Database;
import dev.osprey.control.db.Store;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Gatekeeper;
import dev.osprey.control.http.Limiters;
import dev.osprey.control.http.SecurityHeaders;
import dev.osprey.control.jobs.EmailJobs;
import dev.osprey.control.jobs.JobQueue;
import dev.osprey.control.livekit.RoomScheduler;
import dev.osprey.control.livekit.SignalingProxy;
import dev.osprey.control.livekit.WebhookEndpoint;
import dev.osprey.control.room.JoinEndpoints;
import dev.osprey.control.room.MediaRooms;
import dev.osprey.control.room.ModerationEndpoints;
import dev.osprey.control.room.PresenceEndpoints;
import dev.osprey.control.room.RoomEndpoints;
import dev.osprey.control.room.RoomRules;
import dev.osprey.control.settings.EffectiveSettings;
import dev.osprey.control.uploads.AvatarEndpoints;
import dev.osprey.control.uploads.ChatUploadEndpoints;
import dev.osprey.signaling.api.RoomService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Bedrud's REST API (auth, rooms, moderation, admin, LiveKit webhook) on Vert.x Web, over the configured database and
 * a {@link RoomService} — Osprey's own SFU in this JVM, or a LiveKit-compatible server over Twirp in external mode.
 */
public final class ControlApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApiServer.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    private static final int MAX_INITIAL_LINE_BYTES = 64 * 1024;

    private final ControlApiConfig config;
    private final RoomService rooms;
    private final MeterRegistry registry;
    private final EmailSender email;
    private final Clock clock;
    private Vertx vertx;
    private HttpServer server;
    private Database database;
    private OutboundWebhooks outbound;
    private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();

    public ControlApiServer(ControlApiConfig config, RoomService rooms, MeterRegistry registry) {
        this(config, rooms, registry, new LoggingEmailSender(), Clock.systemUTC());
    }

    /** With an explicit mail transport and clock (tests drive time; deployments plug SMTP). */
    public ControlApiServer(ControlApiConfig config, RoomService rooms, MeterRegistry registry, EmailSender email,
                            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.email = Objects.requireNonNull(email, "email");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the migrations, binds the listener and returns the bound address. */
    public synchronized InetSocketAddress start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        validate(config);
        database = Database.open(config.database());
        try {
            return listen(buildContext(Store.over(database)));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private ControlContext buildContext(Store store) {
        EffectiveSettings settings = new EffectiveSettings(config, store.settings());
        SessionTokens tokens = new SessionTokens(config.auth().jwtSecret(),
                Duration.ofHours(config.auth().tokenDurationHours()), clock);
        AuthState authState = new AuthState(store.blockedTokens(), store.users(), clock);
        Sessions sessions = new Sessions(tokens, store.users(), store.blockedTokens(), config, clock);
        Limiters limiters = Limiters.of(config.rateLimit(), System::nanoTime);
        outbound = new OutboundWebhooks(store.webhooks(), clock);
        JobQueue jobs = new JobQueue(store.jobs(), Map.of(EmailJobs.SEND_EMAIL, EmailJobs.handler(email)), clock,
                registry);
        closeables.add(jobs);
        jobs.start();
        return new ControlContext(config, store, sessions, authState, new PasswordHasher(), email, settings, limiters,
                rooms, outbound, jobs, clock);
    }

    private InetSocketAddress listen(ControlContext ctx) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(16));
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders());
        cors().ifPresent(h -> router.route().handler(h));
        // the two multipart routes keep their files (in a temporary directory, removed when the response ends)
        BodyHandler uploads = BodyHandler.create(config.uploads().dir().resolve("tmp").toString())
                .setBodyLimit(config.server().effectiveBodyLimitBytes()).setDeleteUploadedFilesOnEnd(true);
        router.route("/api/auth/me/avatar").handler(uploads);
        router.route("/api/room/:roomId/chat/upload").handler(uploads);
        router.route("/api/*").handler(BodyHandler.create(false)
                .setBodyLimit(config.server().effectiveBodyLimitBytes()));
        Gatekeeper gate = new Gatekeeper(ctx.sessions().tokens(), ctx.authState(), ctx.store().users(),
                ctx.settings()::requireEmailVerification);
        ApiRouter api = new ApiRouter(vertx, router, gate, registry, config.server().behindProxy());
        registerRoutes(api, ctx);
        registerErrors(api);
        HttpServerOptions options = new HttpServerOptions().setHost(config.server().host())
                .setPort(config.server().port()).setCompressionSupported(true)
                // LiveKit join URLs carry the access token in the query string
                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES);
        SignalingProxy proxy = signalingProxy();
        Handler<HttpServerRequest> dispatch = proxy == null ? router
                : request -> {
                    if (SignalingProxy.handles(request.path())) {
                        proxy.handle(request);
                    } else {
                        router.handle(request);
                    }
                };
        server = vertx.createHttpServer(options).requestHandler(dispatch).listen()
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        InetSocketAddress bound = new InetSocketAddress(config.server().host(), server.actualPort());
        LOG.info("control API listening on {}", bound);
        return bound;
    }

    /** {@code /livekit/*} → signaling, when a signaling address is configured (bedrud-api.md §2.1). */
    private SignalingProxy signalingProxy() {
        String target = config.livekit().signalingUrl();
        if (target.isBlank()) {
            return null;
        }
        SignalingProxy proxy = new SignalingProxy(vertx, target, config.server().behindProxy(), registry);
        closeables.add(proxy);
        LOG.info("proxying {}/* to signaling at {}", SignalingProxy.PREFIX, target);
        return proxy;
    }

    private void registerRoutes(ApiRouter api, ControlContext ctx) {
        new HealthEndpoints(ctx).register(api);
        new SystemEndpoints(ctx).register(api);
        EmailFlows emailFlows = new EmailFlows(ctx);
        emailFlows.register(api);
        OAuthEndpoints oauth = new OAuthEndpoints(ctx);
        new AuthEndpoints(ctx, emailFlows, oauth.providers()).register(api);
        oauth.register(api);
        new AccountEndpoints(ctx, emailFlows).register(api);
        new AvatarEndpoints(ctx).register(api);
        RoomRules rules = new RoomRules(ctx);
        MediaRooms media = new MediaRooms(ctx.rooms());
        new RoomEndpoints(ctx, rules, media).register(api);
        new JoinEndpoints(ctx, rules).register(api);
        new PresenceEndpoints(ctx, rules, media).register(api);
        new ModerationEndpoints(ctx, rules, media).register(api);
        new ChatUploadEndpoints(ctx).register(api);
        new WebhookEndpoint(ctx).register(api);
        new AdminUserEndpoints(ctx, emailFlows).register(api);
        new AdminRoomQueries(ctx).register(api);
        new AdminRoomEndpoints(ctx).register(api);
        new AdminSystemEndpoints(ctx, outbound).register(api);
        new AdminDiagnostics(ctx).register(api);
        RoomScheduler scheduler = new RoomScheduler(ctx.store(), media, ctx.authState(), clock);
        scheduler.start();
        closeables.add(scheduler);
    }

    private void registerErrors(ApiRouter api) {
        Map<Integer, String> messages = Map.of(400, "Bad Request", 404, "Not Found", 405, "Method Not Allowed",
                413, "Request Entity Too Large", 500, "Internal server error");
        messages.forEach((status, message) -> api.router().errorHandler(status,
                rc -> api.writeJson(rc, status, Map.of("error", message))));
    }

    private java.util.Optional<CorsHandler> cors() {
        ControlApiConfig.Cors c = config.cors();
        if (c.allowedOrigins().isEmpty()) {
            return java.util.Optional.empty();
        }
        CorsHandler handler = c.allowedOrigins().contains("*") ? CorsHandler.create()
                : CorsHandler.create().addOrigins(c.allowedOrigins());
        var methods = new HashSet<HttpMethod>();
        c.allowedMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.strip().toUpperCase(java.util.Locale.ROOT))));
        handler.allowedMethods(methods).allowedHeaders(new HashSet<>(c.allowedHeaders()))
                .exposedHeaders(new HashSet<>(c.exposeHeaders())).allowCredentials(c.allowCredentials());
        if (c.maxAgeSeconds() > 0) {
            handler.maxAgeSeconds(c.maxAgeSeconds());
        }
        return java.util.Optional.of(handler);
    }

    static void validate(ControlApiConfig config) {
        if (config.auth().jwtSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("auth.jwtSecret (JWT_SECRET) must be set to at least 32 bytes");
        }
        if (config.auth().sessionSecret().isEmpty()) {
            throw new IllegalStateException("auth.sessionSecret must be set");
        }
        if (config.livekit().apiKey().isEmpty() || config.livekit().apiSecret().isEmpty()) {
            // any length, as LiveKit keys it (livekit-server --dev uses "secret")
            throw new IllegalStateException("livekit.apiKey and livekit.apiSecret must be set");
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("close failed", e);
            }
        }
        closeables.clear();
        if (server != null) {
            try {
                // stop accepting, let in-flight requests finish for a bounded time
                server.shutdown(Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture()
                        .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("control API listener did not drain in time", e);
            }
        }
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("control API did not stop within {} s", CLOSE_TIMEOUT_SECONDS, e);
            }
            vertx = null;
            server = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
