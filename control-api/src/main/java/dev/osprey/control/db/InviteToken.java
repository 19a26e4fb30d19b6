package dev.osprey.control.db;

/** An admin-issued sign-up invitation ({@code invite_tokens}). */
public record InviteToken(String id, String token, String email, String createdBy, long expiresAt, Long usedAt,
                          String usedBy, long createdAt) {

    public boolean usable(long now) {
        return usedAt == null && expiresAt > now;
    }
}
