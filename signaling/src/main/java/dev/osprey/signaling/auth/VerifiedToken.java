package dev.osprey.signaling.auth;

import java.time.Instant;

/**
 * An access token whose HS256 signature, issuer and validity period checked out.
 *
 * @param apiKey    the {@code iss} claim, which selected the secret
 * @param expiresAt the {@code exp} claim (required)
 */
public record VerifiedToken(String apiKey, ClaimGrants grants, Instant expiresAt) {
}
