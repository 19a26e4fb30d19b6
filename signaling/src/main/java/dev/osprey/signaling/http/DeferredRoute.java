package dev.osprey.signaling.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A route whose answer may come after the request has been read, such as a call into the room service that completes
 * on another thread. While it is pending the connection reads no further request, and requests that were already
 * pipelined behind it wait, so that answers leave in request order (RFC 9112, section 9.3.2).
 */
@FunctionalInterface
public interface DeferredRoute {

    /**
     * Starts answering {@code request}; must eventually call {@link DeferredResponse#complete} exactly once (later
     * calls are ignored). The request's content is released when this method returns: copy what is needed later.
     */
    void serve(ChannelHandlerContext ctx, FullHttpRequest request, DeferredResponse response);
}
