package dev.osprey.control.auth;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.InviteToken;
import dev.osprey.control.db.StoreException;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-up, sign-in, guest sign-in, refresh, logout and the public settings of {@code /api/auth} (bedrud-api.md §2.2).
 */
public final class AuthEndpoints {

    private final ControlContext ctx;
    private final EmailFlows emailFlows;

    private final OAuthProviders oauth;

    public AuthEndpoints(ControlContext ctx, EmailFlows emailFlows, OAuthProviders oauth) {
        this.ctx = ctx;
        this.emailFlows = emailFlows;
        this.oauth = oauth;
    }

    public void register(ApiRouter api) {
        var authLimit = ctx.limiters().auth();
        api.route(HttpMethod.POST, "/api/auth/register", Guard.NONE, authLimit, this::signUp);
        api.route(HttpMethod.POST, "/api/auth/login", Guard.NONE, authLimit, this::login);
        api.route(HttpMethod.POST, "/api/auth/guest-login", Guard.NONE, authLimit, this::guestLogin);
        api.route(HttpMethod.POST, "/api/auth/refresh", Guard.NONE, authLimit, this::refresh);
        api.post("/api/auth/logout", Guard.PROTECTED_BEARER, this::logout);
        api.get("/api/auth/settings", Guard.NONE, this::publicSettings);
    }

    Reply signUp(Call call) {
        JsonBody body = call.body();
        String rawEmail = body.stringOrEmpty("email");
        String password = body.stringOrEmpty("password");
        String rawName = body.stringOrEmpty("name");
        String invite = body.stringOrEmpty("inviteToken").strip();
        if (!ctx.settings().registrationEnabled()) {
            throw ApiException.forbidden("Registration is currently disabled");
        }
        if (rawEmail.isBlank() || password.isEmpty() || rawName.isBlank()) {
            throw ApiException.badRequest(JsonBody.INVALID_INPUT);
        }
        String email = Inputs.canonicalEmail(rawEmail);
        String name = Inputs.accountName(rawName);
        Inputs.checkPassword(password);
        long now = ctx.now();
        if (ctx.settings().tokenRegistrationOnly() && invite.isEmpty()) {
            throw ApiException.forbidden("An invite token is required to register");
        }
        if (!invite.isEmpty()) {
            InviteToken token = ctx.store().invites().findByToken(invite).filter(t -> t.usable(now))
                    .filter(t -> t.email().isEmpty() || t.email().equalsIgnoreCase(email))
                    .orElseThrow(() -> ApiException.forbidden("Invalid or expired invite token"));
            invite = token.token();
        }
        if (!ctx.store().users().findByEmail(email).isEmpty()) {
            throw ApiException.badRequest("Unable to register with the provided details");
        }
        User user = new User(UUID.randomUUID().toString(), email, name, User.PROVIDER_LOCAL, "",
                ctx.passwords().hash(password), null, List.of("user"), true, null, null, null, now, now);
        insertWithInvite(user, invite, now);
        emailFlows.sendWelcome(user);
        if (ctx.settings().requireEmailVerification()) {
            emailFlows.sendVerification(user);
            Map<String, Object> pending = new LinkedHashMap<>();
            pending.put("requiresVerification", true);
            pending.put("message", "Registration successful. Please check your email to verify your account.");
            pending.put("email", email);
            return Reply.ok(pending);
        }
        Sessions.Pair pair = ctx.sessions().open(user);
        return Reply.ok(Sessions.loginBody(user, pair)).cookies(ctx.sessions().cookies(pair));
    }

    private void insertWithInvite(User user, String invite, long now) {
        try {
            ctx.store().sql().inTransaction(tx -> {
                if (!invite.isEmpty() && !new dev.osprey.control.db.InviteTokenRepository(tx)
                        .consume(invite, user.id(), now)) {
                    throw ApiException.conflict("Invite token already used or invalid");
                }
                new dev.osprey.control.db.UserRepository(tx).insert(user);
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                throw ApiException.badRequest("Unable to register with the provided details");
            }
            throw e;
        }
    }

    Reply login(Call call) {
        JsonBody body = call.body();
        String rawEmail = body.stringOrEmpty("email");
        String password = body.stringOrEmpty("password");
        if (rawEmail.isBlank() || password.isEmpty()) {
            throw ApiException.badRequest("Email and password are required");
        }
        String email = Inputs.canonicalOrNull(rawEmail);
        User user = email == null ? null : ctx.store().users().findByEmailAndProvider(email, User.PROVIDER_LOCAL)
                .or(() -> ctx.store().users().findByEmailAndProvider(email, User.PROVIDER_PASSKEY)).orElse(null);
        if (user == null || !user.active() || !ctx.passwords().verify(user.passwordHash(), password)) {
            throw ApiException.unauthorized("Invalid credentials");
        }
        if (ctx.settings().requireEmailVerification() && !user.isVerified()) {
            throw Sessions.verifyFirst(user);
        }
        ctx.authState().unban(user.id());
        Sessions.Pair pair = ctx.sessions().open(user);
        return Reply.ok(Sessions.loginBody(user, pair)).cookies(ctx.sessions().cookies(pair));
    }

    Reply guestLogin(Call call) {
        String raw = call.body().stringOrEmpty("name");
        if (!ctx.settings().registrationEnabled()) {
            throw ApiException.forbidden("Registration is currently disabled");
        }
        if (!ctx.settings().guestLoginEnabled()) {
            throw ApiException.forbidden("Guest login is currently disabled");
        }
        String name = Inputs.sanitizeName(raw);
        if (name.isEmpty()) {
            throw ApiException.badRequest("Name is required");
        }
        int length = name.codePointCount(0, name.length());
        if (length < 2 || length > 50) {
            throw ApiException.badRequest("Name must be between 2 and 50 characters");
        }
        long now = ctx.now();
        String id = UUID.randomUUID().toString();
        User user = new User(id, "guest_" + id + "@bedrud.guest", name, User.PROVIDER_GUEST, "", null, null,
                List.of("guest"), true, null, null, null, now, now);
        ctx.store().users().insert(user);
        Sessions.Pair pair = ctx.sessions().open(user);
        return Reply.ok(Sessions.loginBody(user, pair)).cookies(ctx.sessions().cookies(pair));
    }

    Reply refresh(Call call) {
        String token = call.body().stringOrEmpty("refresh_token");
        if (token.isEmpty()) {
            String cookie = call.cookie(Sessions.REFRESH_COOKIE);
            token = cookie == null ? "" : cookie;
        }
        if (token.isEmpty()) {
            throw ApiException.badRequest("No refresh token provided");
        }
        Sessions.Pair pair = ctx.sessions().rotate(token, ctx.settings().requireEmailVerification());
        return Reply.ok(pair.snake()).cookies(ctx.sessions().cookies(pair));
    }

    Reply logout(Call call) {
        String token = call.body().stringOrEmpty("refresh_token");
        if (token.isEmpty()) {
            String cookie = call.cookie(Sessions.REFRESH_COOKIE);
            token = cookie == null ? "" : cookie;
        }
        SessionClaims caller = call.caller();
        if (!token.isEmpty()) {
            ctx.sessions().retire(token, caller.userId());
        }
        ctx.authState().revokeAccess(call.accessToken(), caller.expiresAt().toEpochMilli());
        return Reply.ok(Map.of("message", "Successfully logged out")).cookies(ctx.sessions().clearedCookies());
    }

    Reply publicSettings(Call call) {
        var s = ctx.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverName", s.serverName());
        m.put("registrationEnabled", s.registrationEnabled());
        m.put("tokenRegistrationOnly", s.tokenRegistrationOnly());
        m.put("guestLoginEnabled", s.guestLoginEnabled());
        m.put("passkeysEnabled", false);
        m.put("oauthProviders", oauth.enabled());
        m.put("requireEmailVerification", s.requireEmailVerification());
        m.put("chatMaxMessageCount", 10000);
        m.put("chatMessageTTLHours", 2160);
        m.put("chatUploadMaxBytes", ctx.config().server().effectiveBodyLimitBytes());
        m.put("chatUploadMaxDimension", ctx.config().uploads().maxDimension());
        m.put("recordingsEnabled", false);
        m.put("rnnoiseEnabled", s.bool("rnnoiseEnabled", false));
        m.put("krispEnabled", s.bool("krispEnabled", false));
        m.put("webxdc", Map.of("enabled", false, "experimental", true, "baseDomain", ""));
        return Reply.ok(m);
    }
}
