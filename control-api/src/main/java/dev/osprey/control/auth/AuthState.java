package dev.osprey.control.auth;

import dev.osprey.control.db.BlockedTokenRepository;
import dev.osprey.control.db.UserRepository;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory revocation state Bedrud keeps per process (bedrud-api.md §3.1, §9.7): SHA-256 hashes of revoked access
 * tokens (mirrored in {@code blocked_access_tokens} so a restart keeps them) and the ban set of deactivated or
 * force-logged-out users (reloaded from inactive users at boot; a successful login clears a force-logout ban).
 */
public final class AuthState {

    private final ConcurrentHashMap<String, Long> revokedAccess = new ConcurrentHashMap<>();
    private final Set<String> banned = ConcurrentHashMap.newKeySet();
    private final BlockedTokenRepository blocked;
    private final Clock clock;

    public AuthState(BlockedTokenRepository blocked, UserRepository users, Clock clock) {
        this.blocked = blocked;
        this.clock = clock;
        long now = clock.millis();
        for (String hash : blocked.activeAccessBlocks(now)) {
            revokedAccess.put(hash, Long.MAX_VALUE);
        }
        banned.addAll(users.inactiveUserIds());
    }

    /** Revokes an access token until it would expire anyway. */
    public void revokeAccess(String token, long expiresAtMillis) {
        if (token == null || token.isEmpty()) {
            return;
        }
        String hash = TokenHash.of(token);
        revokedAccess.put(hash, expiresAtMillis);
        blocked.blockAccess(hash, expiresAtMillis);
    }

    public boolean isRevoked(String token) {
        Long until = revokedAccess.get(TokenHash.of(token));
        return until != null && until > clock.millis();
    }

    public void ban(String userId) {
        banned.add(userId);
    }

    public void unban(String userId) {
        banned.remove(userId);
    }

    public boolean isBanned(String userId) {
        return banned.contains(userId);
    }

    /** Drops expired revocations from memory and the database (hourly job). */
    public void prune() {
        long now = clock.millis();
        revokedAccess.values().removeIf(until -> until <= now);
        blocked.prune(now);
    }
}
