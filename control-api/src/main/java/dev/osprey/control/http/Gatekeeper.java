package dev.osprey.control.http;

import dev.osprey.control.auth.AuthState;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.auth.SessionTokens;
import dev.osprey.control.db.User;
import dev.osprey.control.db.UserRepository;
import io.vertx.core.http.HttpMethod;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Runs a route's {@link Guard} against a {@link Call}, with Bedrud's status codes and messages. */
public final class Gatekeeper {

    private final SessionTokens tokens;
    private final AuthState state;
    private final UserRepository users;
    private final BooleanSupplier requireEmailVerification;

    public Gatekeeper(SessionTokens tokens, AuthState state, UserRepository users,
                      BooleanSupplier requireEmailVerification) {
        this.tokens = tokens;
        this.state = state;
        this.users = users;
        this.requireEmailVerification = requireEmailVerification;
    }

    public void check(Guard guard, Call call) {
        if (guard.auth() == Guard.Auth.NONE) {
            return;
        }
        String token = presentedToken(call);
        if (guard.auth() == Guard.Auth.OPTIONAL) {
            if (token != null) {
                accessClaims(token).filter(c -> !state.isBanned(c.userId())).ifPresent(c -> call.authenticate(c, token));
            }
            return;
        }
        if (token == null) {
            throw ApiException.unauthorized("Missing authorization");
        }
        SessionClaims claims = accessClaims(token).orElseThrow(() -> ApiException.unauthorized("Invalid token"));
        if (state.isBanned(claims.userId())) {
            throw ApiException.forbidden("Account is deactivated");
        }
        call.authenticate(claims, token);
        if (guard.bearer() && isMutation(call.method()) && !hasBearerHeader(call)) {
            throw ApiException.unauthorized("Authorization header required for state-changing requests");
        }
        if (guard.emailVerified() && requireEmailVerification.getAsBoolean() && !claims.isGuest()) {
            User user = users.findById(claims.userId()).orElseThrow(() -> ApiException.unauthorized("User not found"));
            if (!user.isVerified()) {
                throw ApiException.forbidden("Email not verified");
            }
        }
        if (guard.rejectGuest() && claims.isGuest()) {
            throw ApiException.forbidden("Guests cannot create or manage rooms");
        }
        if (guard.superadmin() && !claims.isSuperadmin()) {
            throw ApiException.forbidden("Insufficient access rights");
        }
    }

    /** Verified, unrevoked, non-purpose claims of an access (or refresh) token. */
    public Optional<SessionClaims> accessClaims(String token) {
        return tokens.verify(token).filter(c -> c.purpose() == null || c.purpose().isEmpty())
                .filter(c -> !state.isRevoked(token));
    }

    /** {@code Authorization: Bearer <t>} or a raw token in the header, else the {@code access_token} cookie. */
    static String presentedToken(Call call) {
        String header = call.header("Authorization");
        if (header != null && !header.isBlank()) {
            String h = header.strip();
            if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String t = h.substring(7).strip();
                return t.isEmpty() ? null : t;
            }
            return h;
        }
        String cookie = call.cookie("access_token");
        return cookie == null || cookie.isEmpty() ? null : cookie;
    }

    private static boolean hasBearerHeader(Call call) {
        String header = call.header("Authorization");
        return header != null && header.strip().regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean isMutation(HttpMethod m) {
        return m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.DELETE || m == HttpMethod.PATCH;
    }
}
