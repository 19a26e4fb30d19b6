package dev.osprey.media.api;

import java.util.Objects;

/**
 * A certificate fingerprint as {@code a=fingerprint} carries it (RFC 8122 §5): hash function name and colon-separated
 * upper-case hex.
 *
 * @param algorithm e.g. {@code sha-256}
 * @param value     e.g. {@code 4A:AD:...}
 */
public record TransportFingerprint(String algorithm, String value) {
    public TransportFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (algorithm.isBlank() || !value.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2})*")) {
            throw new IllegalArgumentException("not a certificate fingerprint: " + algorithm + " " + value);
        }
    }
}
