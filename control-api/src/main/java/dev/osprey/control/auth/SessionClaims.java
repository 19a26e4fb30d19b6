package dev.osprey.control.auth;

import java.time.Instant;
import java.util.List;

/**
 * The claims of a Bedrud session JWT (bedrud-api.md §3.1): {@code userId, email, name, provider, accesses}, the
 * optional {@code purpose} of e-mail verification and password-reset tokens, {@code jti} on refresh tokens.
 */
public record SessionClaims(String userId, String email, String name, String provider, List<String> accesses,
                            String purpose, Long passwordChangedAt, String jti, Instant expiresAt) {

    public static final String PURPOSE_EMAIL_VERIFY = "email_verify";
    public static final String PURPOSE_PASSWORD_RESET = "password_reset";

    public SessionClaims {
        accesses = List.copyOf(accesses);
    }

    public boolean isGuest() {
        return "guest".equals(provider);
    }

    public boolean isSuperadmin() {
        return accesses.contains("superadmin");
    }
}
