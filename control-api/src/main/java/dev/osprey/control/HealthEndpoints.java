package dev.osprey.control;

import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness and readiness (bedrud-api.md §2.1); readiness fails with 503 while the database is unreachable. */
final class HealthEndpoints {

    private final ControlContext ctx;

    HealthEndpoints(ControlContext ctx) {
        this.ctx = ctx;
    }

    void register(ApiRouter api) {
        api.get("/api/health", Guard.NONE, call -> Reply.ok(status("healthy")));
        api.get("/api/ready", Guard.NONE, call -> {
            if (!ctx.store().database().isReachable()) {
                Map<String, Object> body = status("not_ready");
                body.put("error", "database unavailable");
                return Reply.status(503, body);
            }
            return Reply.ok(status("ready"));
        });
        api.get("/health", Guard.NONE, call -> Reply.redirect(302, "/api/health"));
        api.get("/ready", Guard.NONE, call -> Reply.redirect(302, "/api/ready"));
    }

    private Map<String, Object> status(String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("time", ctx.now() / 1000);
        return body;
    }
}
