package dev.osprey.control.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Bedrud's helmet settings (bedrud-api.md §2.0), on every response. */
public final class SecurityHeaders implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().headers()
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "strict-origin-when-cross-origin")
                .set("Cross-Origin-Resource-Policy", "same-origin")
                .set("Cross-Origin-Opener-Policy", "unsafe-none")
                .set("Cross-Origin-Embedder-Policy", "unsafe-none")
                .set("X-XSS-Protection", "0");
        ctx.next();
    }
}
