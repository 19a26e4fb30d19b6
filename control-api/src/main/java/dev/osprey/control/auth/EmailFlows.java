package dev.osprey.control.auth;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.control.jobs.EmailJobs;
import io.vertx.core.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * E-mail verification and password reset (bedrud-api.md §2.2, §3.1): purpose-scoped JWTs ({@code email_verify}
 * 24 h, {@code password_reset} 1 h and bound to the password's change time so a link works once), links under
 * {@code auth.frontendURL}, and answers that never reveal whether an address has an account.
 */
public final class EmailFlows {

    private static final Logger LOG = LoggerFactory.getLogger(EmailFlows.class);
    private final ControlContext ctx;

    public EmailFlows(ControlContext ctx) {
        this.ctx = ctx;
    }

    public void register(ApiRouter api) {
        api.post("/api/auth/verify", Guard.NONE, this::verify);
        api.get("/api/auth/verify/status", Guard.PROTECTED, this::status);
        api.route(HttpMethod.POST, "/api/auth/verify/resend", Guard.NONE, ctx.limiters().resend(), this::resend);
        api.route(HttpMethod.POST, "/api/auth/forgot-password", Guard.NONE, ctx.limiters().auth(), this::forgot);
        api.route(HttpMethod.POST, "/api/auth/reset-password", Guard.NONE, ctx.limiters().auth(), this::reset);
    }

    Reply verify(Call call) {
        String token = call.body().stringOrEmpty("token").strip();
        if (token.isEmpty()) {
            throw ApiException.badRequest("No verification token provided");
        }
        SessionClaims claims = ctx.sessions().tokens().verify(token)
                .filter(c -> SessionClaims.PURPOSE_EMAIL_VERIFY.equals(c.purpose()))
                .orElseThrow(() -> ApiException.unauthorized("The verification link has expired"));
        User user = ctx.store().users().findById(claims.userId())
                .orElseThrow(() -> ApiException.notFound("User not found"));
        if (!user.email().equals(claims.email())) {
            throw ApiException.unauthorized("The verification link has expired");
        }
        if (user.isVerified()) {
            throw new ApiException(409, "Email already verified", Map.of("already_verified", true));
        }
        long now = ctx.now();
        ctx.store().users().markVerified(user.id(), now);
        User verified = ctx.store().users().findById(user.id()).orElseThrow();
        Sessions.Pair pair = ctx.sessions().open(verified);
        Map<String, Object> body = new LinkedHashMap<>(pair.snake());
        body.put("verified", true);
        return Reply.ok(body);
    }

    Reply status(Call call) {
        User user = ctx.store().users().findById(call.caller().userId())
                .orElseThrow(() -> ApiException.unauthorized("User not found"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", user.isVerified());
        body.put("email", user.email());
        return Reply.ok(body);
    }

    Reply resend(Call call) {
        String email = Inputs.canonicalOrNull(call.body().stringOrEmpty("email"));
        if (email != null) {
            long cooldown = Duration.ofMinutes(ctx.config().auth().verificationEmailCooldownMinutes()).toMillis();
            ctx.store().users().findByEmail(email).stream()
                    .filter(u -> u.hasLocalCredentials() && !u.isVerified() && u.active())
                    .filter(u -> u.verificationSentAt() == null || ctx.now() - u.verificationSentAt() >= cooldown)
                    .findFirst().ifPresent(this::sendVerification);
        }
        return Reply.ok(Map.of("message", "If the account exists, a verification email has been sent"));
    }

    Reply forgot(Call call) {
        String email = Inputs.canonicalOrNull(call.body().stringOrEmpty("email"));
        if (email != null) {
            ctx.store().users().findByEmail(email).stream().filter(u -> u.hasLocalCredentials() && u.active())
                    .findFirst().ifPresent(this::sendReset);
        }
        return Reply.ok(Map.of("message", "If the account exists, a password reset email has been sent"));
    }

    Reply reset(Call call) {
        String token = call.body().stringOrEmpty("token").strip();
        String password = call.body().stringOrEmpty("newPassword");
        if (token.isEmpty()) {
            throw ApiException.badRequest("Token is required");
        }
        SessionClaims claims = ctx.sessions().tokens().verify(token)
                .filter(c -> SessionClaims.PURPOSE_PASSWORD_RESET.equals(c.purpose()))
                .orElseThrow(() -> ApiException.badRequest("Invalid or expired reset token"));
        User user = ctx.store().users().findById(claims.userId())
                .orElseThrow(() -> ApiException.badRequest("Invalid or expired reset token"));
        if (!user.hasLocalCredentials()) {
            throw ApiException.badRequest("Password reset is not available for OAuth accounts");
        }
        if (seconds(user.passwordChangedAt()) != seconds(claims.passwordChangedAt())) {
            throw ApiException.badRequest("Invalid or expired reset token");
        }
        Inputs.checkPassword(password);
        ctx.store().users().updatePassword(user.id(), ctx.passwords().hash(password), nextSecond(user));
        ctx.store().users().setRefreshTokenHash(user.id(), null);
        return Reply.ok(Map.of("message",
                "Password has been reset successfully. You can now sign in with your new password."));
    }

    /** The change time moves forward by at least a second so a used reset link (second precision) never matches. */
    private long nextSecond(User user) {
        long now = ctx.now();
        Long previous = user.passwordChangedAt();
        if (previous != null && seconds(previous) >= seconds(now)) {
            return (seconds(previous) + 1) * 1000;
        }
        return now;
    }

    private static long seconds(Long millis) {
        return millis == null ? 0 : millis / 1000;
    }

    public void sendVerification(User user) {
        var issued = ctx.sessions().tokens().purpose(user, SessionClaims.PURPOSE_EMAIL_VERIFY,
                Duration.ofHours(ctx.config().auth().verificationTokenTtlHours()));
        String link = link("/auth/verify", issued.token());
        send(new EmailSender.Message(user.email(), "Verify your email address",
                "Confirm your address for " + ctx.settings().serverName() + ": " + link, "verification", link));
        ctx.store().users().setVerificationSentAt(user.id(), ctx.now());
    }

    void sendReset(User user) {
        var issued = ctx.sessions().tokens().purpose(user, SessionClaims.PURPOSE_PASSWORD_RESET,
                Duration.ofHours(ctx.config().auth().resetTokenTtlHours()));
        String link = link("/auth/reset-password", issued.token());
        send(new EmailSender.Message(user.email(), "Reset your password",
                "Choose a new password for " + ctx.settings().serverName() + ": " + link, "password_reset", link));
    }

    void sendWelcome(User user) {
        send(new EmailSender.Message(user.email(), "Welcome to " + ctx.settings().serverName(),
                "Your account is ready.", "welcome", null));
    }

    private String link(String path, String token) {
        String base = ctx.config().auth().frontendUrl();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Queues the message: delivery (and its retries) happens on the job worker, never in the request. */
    private void send(EmailSender.Message message) {
        try {
            ctx.jobs().enqueue(EmailJobs.SEND_EMAIL, EmailJobs.payload(message));
        } catch (RuntimeException e) {
            LOG.warn("email not queued: kind={} to={}", message.kind(), message.to(), e);
        }
    }
}
