package dev.osprey.control.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.control.ControlContext;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The signed-in user's own account: {@code /api/auth/me}, password and preferences (bedrud-api.md §2.2). */
public final class AccountEndpoints {

    static final int MAX_PREFERENCES_BYTES = 4096;

    private final ControlContext ctx;
    private final EmailFlows emailFlows;

    public AccountEndpoints(ControlContext ctx, EmailFlows emailFlows) {
        this.ctx = ctx;
        this.emailFlows = emailFlows;
    }

    public void register(ApiRouter api) {
        api.get("/api/auth/me", Guard.A, this::me);
        api.put("/api/auth/me", Guard.AM, this::updateMe);
        api.put("/api/auth/password", Guard.AM, this::changePassword);
        api.get("/api/auth/preferences", Guard.A, this::preferences);
        api.put("/api/auth/preferences", Guard.AM, this::updatePreferences);
    }

    private User currentUser(Call call) {
        return ctx.store().users().findById(call.caller().userId())
                .orElseThrow(() -> ApiException.unauthorized("User not found"));
    }

    Reply me(Call call) {
        return Reply.ok(UserJson.full(currentUser(call)));
    }

    Reply updateMe(Call call) {
        JsonBody body = call.body();
        String name = Inputs.accountName(body.stringOrEmpty("name"));
        String rawEmail = body.stringOrEmpty("email");
        User user = currentUser(call);
        long now = ctx.now();
        String email = user.email();
        boolean emailChanged = false;
        if (!rawEmail.isBlank()) {
            String requested = Inputs.canonicalEmail(rawEmail);
            if (!requested.equals(user.email())) {
                if (!user.hasLocalCredentials()) {
                    throw ApiException.badRequest("Cannot change email for OAuth accounts");
                }
                if (ctx.store().users().findByEmailAndProvider(requested, user.provider()).isPresent()) {
                    throw ApiException.badRequest("email already in use");
                }
                email = requested;
                emailChanged = true;
            }
        }
        ctx.store().users().updateProfile(user.id(), name, email, emailChanged ? null : user.emailVerifiedAt(), now);
        User updated = currentUser(call);
        Map<String, Object> out = new LinkedHashMap<>(UserJson.profile(updated));
        if (emailChanged) {
            ctx.authState().revokeAccess(call.accessToken(), call.caller().expiresAt().toEpochMilli());
            emailFlows.sendVerification(updated);
            Sessions.Pair pair = ctx.sessions().open(updated);
            out.put("requiresVerification", true);
            out.put("message", "Email updated. Please verify your new email address.");
            out.put("tokens", pair.camel());
            return Reply.ok(out).cookies(ctx.sessions().cookies(pair));
        }
        return Reply.ok(out);
    }

    Reply changePassword(Call call) {
        String current = call.body().stringOrEmpty("currentPassword");
        String next = call.body().stringOrEmpty("newPassword");
        User user = currentUser(call);
        if (!User.PROVIDER_LOCAL.equals(user.provider())) {
            throw ApiException.badRequest("password change is only available for local accounts");
        }
        Inputs.checkPassword(next);
        if (!ctx.passwords().verify(user.passwordHash(), current)) {
            throw ApiException.badRequest("current password is incorrect");
        }
        ctx.store().users().updatePassword(user.id(), ctx.passwords().hash(next), ctx.now());
        ctx.authState().revokeAccess(call.accessToken(), call.caller().expiresAt().toEpochMilli());
        return Reply.ok(Map.of("message", "Password updated successfully"));
    }

    Reply preferences(Call call) {
        String json = ctx.store().preferences().find(call.caller().userId()).orElse("{}");
        return Reply.ok(Map.of("preferencesJson", json));
    }

    Reply updatePreferences(Call call) {
        String json = call.body().string("preferencesJson");
        if (json == null) {
            throw ApiException.badRequest(JsonBody.INVALID_INPUT);
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_PREFERENCES_BYTES) {
            throw new ApiException(413, "Preferences too large (max 4 KB)");
        }
        JsonNode parsed = parseObject(json);
        ctx.store().preferences().save(call.caller().userId(), parsed.toString(), ctx.now());
        return Reply.ok(Map.of("message", "Preferences updated"));
    }

    private static JsonNode parseObject(String json) {
        try {
            JsonNode node = ApiRouter.JSON.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (Exception e) {
            throw ApiException.badRequest("preferencesJson must be a JSON object");
        }
        throw ApiException.badRequest("preferencesJson must be a JSON object");
    }
}
