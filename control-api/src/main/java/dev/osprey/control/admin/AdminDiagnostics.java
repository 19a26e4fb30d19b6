package dev.osprey.control.admin;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.EmailSender;
import dev.osprey.control.auth.Inputs;
import dev.osprey.control.db.Job;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import dev.osprey.control.jobs.EmailJobs;
import dev.osprey.control.jobs.JobQueue;
import dev.osprey.control.settings.ServerCertificate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin's operational views (bedrud-api.md §2.4): job-queue statistics, the TLS certificate's status, the
 * settings connectivity check and the test e-mail, which goes straight to the configured {@link EmailSender} (not
 * through the queue) so the admin sees the transport's own error.
 */
public final class AdminDiagnostics {

    static final Duration TEST_EMAIL_TIMEOUT = Duration.ofSeconds(30);

    private final ControlContext ctx;
    private final SettingsChecks checks;

    public AdminDiagnostics(ControlContext ctx) {
        this.ctx = ctx;
        this.checks = new SettingsChecks(ctx);
    }

    public void register(ApiRouter api) {
        api.get("/api/admin/queue", Guard.SA, call -> Reply.ok(queue()));
        api.get("/api/admin/cert-info", Guard.SA, call -> certInfo());
        api.post("/api/admin/settings/validate", Guard.SA, call -> Reply.ok(Map.of("checks", checks.run(call.body()))));
        api.post("/api/admin/settings/send-test-email", Guard.SA, this::testEmail);
    }

    Map<String, Object> queue() {
        var jobs = ctx.store().jobs();
        long now = ctx.now();
        long day = now - Duration.ofDays(1).toMillis();
        long fiveMinutes = now - Duration.ofMinutes(5).toMillis();
        long done24h = jobs.countSince(Job.Status.DONE, null, day);
        long failed24h = jobs.countSince(Job.Status.FAILED, null, day);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pending", jobs.count(Job.Status.PENDING));
        m.put("active", jobs.count(Job.Status.ACTIVE));
        m.put("done24h", done24h);
        m.put("failed24h", failed24h);
        m.put("total", jobs.countAll());
        m.put("maxDepth", JobQueue.MAX_DEPTH);
        jobs.oldestPendingRunAt().ifPresent(t -> m.put("oldestPending", Times.rfc3339(t)));
        List<Map<String, Object>> failures = jobs.recentFailures(null, 10).stream().map(j -> failure(j, now)).toList();
        if (!failures.isEmpty()) {
            m.put("recentFailures", failures);
        }
        m.put("processedPerMin", jobs.countSince(Job.Status.DONE, null, fiveMinutes) / 5.0);
        m.put("failedPerMin", jobs.countSince(Job.Status.FAILED, null, fiveMinutes) / 5.0);
        m.put("failRate", done24h + failed24h == 0 ? 0.0 : (double) failed24h / (done24h + failed24h));
        m.put("pendingEmail", jobs.countPending(EmailJobs.SEND_EMAIL));
        m.put("failedEmail24h", jobs.countSince(Job.Status.FAILED, EmailJobs.SEND_EMAIL, day));
        jobs.recentFailures(EmailJobs.SEND_EMAIL, 1).stream().findFirst().filter(j -> !j.lastError().isEmpty())
                .ifPresent(j -> {
                    m.put("lastSendError", j.lastError());
                    m.put("lastSendErrorAt", Times.rfc3339(j.updatedAt()));
                });
        return m;
    }

    private static Map<String, Object> failure(Job j, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("type", j.type());
        m.put("error", j.lastError());
        m.put("attempts", j.attempts());
        m.put("updatedAt", Times.rfc3339(j.updatedAt()));
        m.put("age", age(Duration.ofMillis(Math.max(0, now - j.updatedAt()))));
        return m;
    }

    /** {@code just now}, {@code 5m ago}, {@code 3h ago}, {@code 2d ago}. */
    static String age(Duration d) {
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + "h ago";
        }
        return d.toDays() + "d ago";
    }

    Reply certInfo() {
        var server = ctx.config().server();
        if (!server.enableTls()) {
            Map<String, Object> off = new LinkedHashMap<>();
            off.put("enabled", false);
            off.put("status", "not_configured");
            return Reply.ok(off);
        }
        try {
            ServerCertificate.Info info = ServerCertificate.inspect(server.certPath(), server.keyPath(),
                    ctx.clock().instant());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", true);
            m.put("status", info.status());
            m.put("daysRemaining", info.daysRemaining());
            m.put("notAfter", info.notAfter().toString());
            m.put("subject", info.subject());
            m.put("issuer", info.issuer());
            m.put("notBefore", info.notBefore().toString());
            m.put("sans", info.sans());
            return Reply.ok(m);
        } catch (ServerCertificate.Problem e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", true);
            m.put("status", "error");
            m.put("error", "TLS certificate validation failed");
            return Reply.status(503, m);
        }
    }

    Reply testEmail(Call call) {
        String to = call.body().stringOrEmpty("to").strip();
        if (to.isEmpty()) {
            throw ApiException.badRequest("to field is required");
        }
        String address = Inputs.canonicalOrNull(to);
        if (address == null) {
            throw ApiException.badRequest("Invalid email format");
        }
        if (!ctx.email().isConfigured()) {
            throw ApiException.badRequest("Email delivery is not configured on this server");
        }
        String name = ctx.settings().serverName();
        EmailSender.Message message = new EmailSender.Message(address, "Test Email from " + name,
                "This is a test email from " + name + ".\nSent at: " + ctx.clock().instant()
                        + "\nIf you see this, email delivery is working.\n", "test", null);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Thread.ofVirtual().name("osprey-test-email").start(() -> {
            try {
                ctx.email().send(message);
                sent.complete(null);
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        });
        try {
            sent.get(TEST_EMAIL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(408, "Email delivery timed out after " + TEST_EMAIL_TIMEOUT.toSeconds() + "s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw ApiException.badRequest(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("Internal server error");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("message", "Test email sent to " + address);
        return Reply.ok(out);
    }
}
