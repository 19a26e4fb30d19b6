package dev.osprey.control.db;

import java.util.List;

/**
 * A row of {@code users} (bedrud-api.md §4). Times are epoch milliseconds; {@code accesses} are Bedrud's access
 * levels ({@code superadmin, admin, moderator, user, guest}).
 */
public record User(String id, String email, String name, String provider, String avatarUrl, String passwordHash,
                   String refreshTokenHash, List<String> accesses, boolean active, Long emailVerifiedAt,
                   Long passwordChangedAt, Long verificationSentAt, long createdAt, long updatedAt) {

    public static final String SUPERADMIN = "superadmin";
    public static final String PROVIDER_LOCAL = "local";
    public static final String PROVIDER_GUEST = "guest";
    public static final String PROVIDER_PASSKEY = "passkey";

    public User {
        accesses = List.copyOf(accesses);
    }

    public boolean isSuperadmin() {
        return accesses.contains(SUPERADMIN);
    }

    public boolean isGuest() {
        return PROVIDER_GUEST.equals(provider);
    }

    public boolean isVerified() {
        return emailVerifiedAt != null;
    }

    /** Accounts that sign in with a password Osprey holds (password change and reset apply). */
    public boolean hasLocalCredentials() {
        return PROVIDER_LOCAL.equals(provider) || PROVIDER_PASSKEY.equals(provider);
    }
}
