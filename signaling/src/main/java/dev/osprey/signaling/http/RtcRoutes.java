package dev.osprey.signaling.http;

import dev.osprey.signaling.SignalingMetrics;
import dev.osprey.signaling.join.ConnectRejection;
import dev.osprey.signaling.join.ConnectRequest;
import dev.osprey.signaling.join.ConnectRequestValidator;
import dev.osprey.signaling.join.ParticipantInit;
import dev.osprey.signaling.ws.SignalSessionUpgrader;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * {@code /rtc/validate} and the {@code /rtc} upgrade: the join checks, LiveKit's status codes and plain-text
 * reasons, and the hand-over to the WebSocket session once the join is valid.
 */
public final class RtcRoutes {

    static final String SUCCESS = "success";

    private final ConnectRequestValidator validator;
    private final SignalSessionUpgrader upgrader;
    private final SignalingMetrics metrics;

    public RtcRoutes(ConnectRequestValidator validator, SignalSessionUpgrader upgrader, SignalingMetrics metrics) {
        this.validator = validator;
        this.upgrader = upgrader;
        this.metrics = metrics;
    }

    /** {@code /rtc/validate}: 200 {@code success}, or the failure's status and reason; always {@code ACAO: *}. */
    void validate(ChannelHandlerContext ctx, FullHttpRequest request, SignalingHttpHandler http) {
        FullHttpResponse response;
        try {
            validator.validate(connectRequest(ctx, request));
            response = PlainText.response(ctx.alloc(), request, HttpResponseStatus.OK, SUCCESS);
        } catch (ConnectRejection rejection) {
            response = rejected(ctx, request, rejection);
        } catch (IllegalArgumentException malformedQuery) {
            response = PlainText.response(ctx.alloc(), request, HttpResponseStatus.BAD_REQUEST, "malformed query string");
        }
        metrics.validation("validate", response.status().code());
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        http.send(ctx, request, response);
    }

    /** {@code /rtc}: 404 without an upgrade request (as LiveKit), the failure, or the WebSocket session. */
    void connect(ChannelHandlerContext ctx, FullHttpRequest request, SignalingHttpHandler http) {
        if (!isWebSocketUpgrade(request.headers())) {
            FullHttpResponse notFound = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND);
            notFound.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            http.send(ctx, request, notFound);
            return;
        }
        ParticipantInit participant;
        try {
            participant = validator.validate(connectRequest(ctx, request));
        } catch (ConnectRejection rejection) {
            metrics.validation("rtc", rejection.status());
            http.send(ctx, request, rejected(ctx, request, rejection));
            return;
        } catch (IllegalArgumentException malformedQuery) {
            metrics.validation("rtc", 400);
            http.send(ctx, request, PlainText.response(ctx.alloc(), request, HttpResponseStatus.BAD_REQUEST,
                    "malformed query string"));
            return;
        }
        int status;
        try {
            status = upgrader.upgrade(ctx, request, participant);
        } catch (ConnectRejection rejection) {
            metrics.validation("rtc", rejection.status());
            http.send(ctx, request, rejected(ctx, request, rejection));
            return;
        }
        if (status == 0) {
            status = HttpResponseStatus.BAD_REQUEST.code();
            http.send(ctx, request, PlainText.response(ctx.alloc(), request, HttpResponseStatus.BAD_REQUEST,
                    "malformed WebSocket handshake"));
        }
        metrics.validation("rtc", status);
    }

    private static FullHttpResponse rejected(ChannelHandlerContext ctx, FullHttpRequest request, ConnectRejection rejection) {
        return PlainText.response(ctx.alloc(), request, HttpResponseStatus.valueOf(rejection.status()),
                rejection.getMessage());
    }

    /** Gorilla's test: {@code Connection} lists {@code upgrade} and {@code Upgrade} lists {@code websocket}. */
    static boolean isWebSocketUpgrade(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /** @throws IllegalArgumentException if the query string is not validly percent-encoded */
    static ConnectRequest connectRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        return new ConnectRequest(query.parameters(), request.headers().get(HttpHeaderNames.AUTHORIZATION),
                clientAddress(request.headers(), ctx.channel().remoteAddress()));
    }

    /** LiveKit's order: Cloudflare's header, then X-Forwarded-For, X-Real-IP, and the peer address. */
    static String clientAddress(HttpHeaders headers, SocketAddress peer) {
        for (String name : new String[] {"CF-Connecting-IP", "X-Forwarded-For", "X-Real-IP"}) {
            String value = headers.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "";
    }
}
