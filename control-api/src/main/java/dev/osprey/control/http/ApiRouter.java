package dev.osprey.control.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.osprey.control.db.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Registers endpoints on a Vert.x {@link Router}: the per-IP rate limit is checked on the event loop, then guards and
 * endpoint run on a worker thread (they block on JDBC and the room service), and the {@link Reply} or
 * {@link ApiException} is written back as Bedrud's JSON.
 */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Vertx vertx;
    private final Router router;
    private final Gatekeeper gate;
    private final MeterRegistry registry;
    private final boolean behindProxy;

    public ApiRouter(Vertx vertx, Router router, Gatekeeper gate, MeterRegistry registry, boolean behindProxy) {
        this.vertx = vertx;
        this.router = router;
        this.gate = gate;
        this.registry = registry;
        this.behindProxy = behindProxy;
    }

    public Router router() {
        return router;
    }

    public void get(String path, Guard guard, Endpoint endpoint) {
        route(HttpMethod.GET, path, guard, null, endpoint);
    }

    public void post(String path, Guard guard, Endpoint endpoint) {
        route(HttpMethod.POST, path, guard, null, endpoint);
    }

    public void put(String path, Guard guard, Endpoint endpoint) {
        route(HttpMethod.PUT, path, guard, null, endpoint);
    }

    public void delete(String path, Guard guard, Endpoint endpoint) {
        route(HttpMethod.DELETE, path, guard, null, endpoint);
    }

    public void route(HttpMethod method, String path, Guard guard, RateLimiter limiter, Endpoint endpoint) {
        router.route(method, path).handler(ctx -> dispatch(ctx, guard, limiter, endpoint));
    }

    private void dispatch(RoutingContext ctx, Guard guard, RateLimiter limiter, Endpoint endpoint) {
        String ip = clientIp(ctx);
        if (limiter != null && !limiter.tryAcquire(ip)) {
            writeJson(ctx, 429, Map.of("error", limiter.message()));
            return;
        }
        Call call = new Call(ctx, ip);
        vertx.<Reply>executeBlocking(() -> {
            gate.check(guard, call);
            return endpoint.handle(call);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                write(ctx, ar.result());
            } else {
                writeFailure(ctx, ar.cause());
            }
        });
    }

    private String clientIp(RoutingContext ctx) {
        if (behindProxy) {
            String forwarded = ctx.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",", 2)[0].strip();
            }
        }
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private void write(RoutingContext ctx, Reply reply) {
        HttpServerResponse response = ctx.response();
        reply.cookies().forEach(response::addCookie);
        reply.headers().forEach(response::putHeader);
        if (reply.bytes() != null) {
            end(ctx, reply.status(), reply.contentType(), Buffer.buffer(reply.bytes()));
        } else if (reply.location() != null) {
            response.putHeader("Location", reply.location());
            end(ctx, reply.status(), null, null);
        } else if (reply.text() != null) {
            end(ctx, reply.status(), "text/plain; charset=utf-8", Buffer.buffer(reply.text()));
        } else {
            writeJson(ctx, reply.status(), reply.json());
        }
    }

    private void writeFailure(RoutingContext ctx, Throwable failure) {
        if (failure instanceof ApiException api) {
            writeJson(ctx, api.status(), api.body());
            return;
        }
        if (failure instanceof StoreException) {
            LOG.error("database failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        } else {
            LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        }
        writeJson(ctx, 500, Map.of("error", "Internal server error"));
    }

    /** Writes a JSON body with the status; used for replies and for router-level errors. */
    public void writeJson(RoutingContext ctx, int status, Object body) {
        try {
            end(ctx, status, "application/json; charset=utf-8", Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            LOG.error("cannot serialise a reply", e);
            end(ctx, 500, "application/json; charset=utf-8", Buffer.buffer("{\"error\":\"Internal server error\"}"));
        }
    }

    private void end(RoutingContext ctx, int status, String contentType, Buffer body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        Counter.builder("osprey.control.http.responses").tag("status", Integer.toString(status))
                .description("Control API responses by status code").register(registry).increment();
        response.setStatusCode(status);
        if (contentType != null) {
            response.putHeader("Content-Type", contentType);
        }
        if (body == null) {
            response.end();
        } else {
            response.end(body);
        }
    }
}
