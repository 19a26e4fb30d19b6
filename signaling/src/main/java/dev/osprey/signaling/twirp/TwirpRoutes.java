package dev.osprey.signaling.twirp;

import com.google.protobuf.Message;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.auth.ClaimGrants;
import dev.osprey.signaling.http.DeferredResponse;
import dev.osprey.signaling.http.DeferredRoute;
import dev.osprey.signaling.http.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * LiveKit's Twirp {@code RoomService} on the signaling port (livekit-protocol.md §6): routes, authenticates, decodes,
 * authorises, calls {@link RoomService}, and answers when its stage completes, on the channel's event loop. A call
 * that does not complete within the call timeout is answered {@code deadline_exceeded}. Failures of the service
 * become Twirp errors with the {@link RoomServiceException}'s code and message; anything else is {@code internal}.
 */
public final class TwirpRoutes implements DeferredRoute {

    private static final Logger LOG = LoggerFactory.getLogger(TwirpRoutes.class);
    /** Largest request body: room and participant metadata (LiveKit allows 64 000 bytes) with room to spare. */
    public static final int MAX_REQUEST_BYTES = 1 << 20;
    /** How long the room service may take before the caller is told {@code deadline_exceeded}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final RoomService rooms;
    private final TwirpAuthorizer authorizer;
    private final TwirpMetrics metrics;
    private final Duration callTimeout;

    public TwirpRoutes(RoomService rooms, AccessTokenVerifier verifier, MeterRegistry registry) {
        this(rooms, verifier, registry, DEFAULT_CALL_TIMEOUT);
    }

    public TwirpRoutes(RoomService rooms, AccessTokenVerifier verifier, MeterRegistry registry, Duration callTimeout) {
        this.rooms = rooms;
        this.authorizer = new TwirpAuthorizer(verifier);
        this.metrics = new TwirpMetrics(registry);
        this.callTimeout = callTimeout;
    }

    /** The answer to a request whose body is over {@link #MAX_REQUEST_BYTES}: {@code malformed}, as Twirp has it. */
    public static FullHttpResponse tooLarge(ByteBufAllocator alloc, HttpRequest request) {
        return TwirpResponses.error(alloc, request.protocolVersion(), TwirpException.malformed(
                "the request body is larger than " + MAX_REQUEST_BYTES + " bytes"));
    }

    @Override
    public void serve(ChannelHandlerContext ctx, FullHttpRequest request, DeferredResponse response) {
        RoomServiceMethod method = null;
        try {
            String path = Route.normalizePath(new QueryStringDecoder(request.uri()).rawPath());
            TwirpRequestDecoder.Route route = TwirpRequestDecoder.route(request.method().name(), path,
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE));
            method = route.method();
            // the token first, as livekit-server's auth middleware: an unauthenticated body is never parsed
            ClaimGrants grants = authorizer.authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            Message call = TwirpRequestDecoder.decodeBody(route, request.content());
            TwirpAuthorizer.authorize(method, grants, call);
            invoke(ctx, route, call, response);
        } catch (TwirpException e) {
            fail(response, method, e);
        } catch (IllegalArgumentException malformedUri) {
            fail(response, method, TwirpException.badRoute("malformed request URI", request.method().name(), ""));
        }
    }

    private void invoke(ChannelHandlerContext ctx, TwirpRequestDecoder.Route route, Message call,
                        DeferredResponse response) {
        CompletionStage<? extends Message> stage;
        try {
            stage = route.method().invoke(rooms, call);
        } catch (RuntimeException thrown) {
            stage = CompletableFuture.failedFuture(thrown);
        }
        if (stage == null) {
            stage = CompletableFuture.failedFuture(new IllegalStateException("the room service returned no stage"));
        }
        Future<?> timeout = ctx.executor().schedule(() -> fail(response, route.method(), new TwirpException(
                TwirpErrorCode.DEADLINE_EXCEEDED, "the room service did not answer within " + callTimeout.toMillis()
                + " ms")), callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        stage.whenComplete((reply, failure) -> {
            timeout.cancel(false);
            if (failure == null) {
                succeed(response, route, reply);
            } else {
                fail(response, route.method(), failureOf(route.method(), failure));
            }
        });
    }

    private void succeed(DeferredResponse response, TwirpRequestDecoder.Route route, Message reply) {
        if (response.isDone()) {
            return; // timed out already; the late result has no one to go to
        }
        if (reply == null) {
            fail(response, route.method(), new TwirpException(TwirpErrorCode.INTERNAL,
                    "received a nil response while calling " + route.method().wireName()));
            return;
        }
        FullHttpResponse answer;
        try {
            answer = TwirpResponses.reply(response.alloc(), response.protocolVersion(), route.encoding(), reply);
        } catch (TwirpException e) {
            fail(response, route.method(), e);
            return;
        }
        response.complete(answer, () -> metrics.answered(route.method(), "ok"));
    }

    private void fail(DeferredResponse response, RoomServiceMethod method, TwirpException error) {
        if (response.isDone()) {
            return;
        }
        response.complete(TwirpResponses.error(response.alloc(), response.protocolVersion(), error),
                () -> metrics.answered(method, error.code().wireName()));
    }

    static TwirpException failureOf(RoomServiceMethod method, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RoomServiceException roomFailure) {
            String msg = roomFailure.getMessage();
            return new TwirpException(TwirpErrorCode.of(roomFailure.code()), msg == null ? "" : msg);
        }
        // a bug or an unexpected failure inside the room service: logged here, not described to the caller
        LOG.warn("room service {} failed", method.wireName(), cause);
        return new TwirpException(TwirpErrorCode.INTERNAL, "internal error");
    }
}
