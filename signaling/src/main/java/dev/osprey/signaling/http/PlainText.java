package dev.osprey.signaling.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Plain-text responses, the form in which LiveKit reports every signaling error: the JS client shows the body of a
 * failed {@code /rtc/validate} to the application as the reason.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * A {@code text/plain; charset=utf-8} response; the answer to a HEAD request carries the length of the body it
     * would have had but no body (RFC 9110, section 9.3.2).
     */
    public static FullHttpResponse response(ByteBufAllocator alloc, HttpRequest request, HttpResponseStatus status,
                                            String body) {
        int length = ByteBufUtil.utf8Bytes(body);
        FullHttpResponse response;
        if (request.method().equals(HttpMethod.HEAD) || body.isEmpty()) {
            response = new DefaultFullHttpResponse(request.protocolVersion(), status, Unpooled.EMPTY_BUFFER);
        } else {
            response = new DefaultFullHttpResponse(request.protocolVersion(), status,
                    ByteBufUtil.encodeString(alloc, java.nio.CharBuffer.wrap(body), StandardCharsets.UTF_8));
        }
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set("X-Content-Type-Options", "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        return response;
    }
}
