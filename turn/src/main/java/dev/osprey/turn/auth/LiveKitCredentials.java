package dev.osprey.turn.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials LiveKit puts in a JoinResponse's {@code ice_servers} for its embedded TURN (shared spec
 * livekit-protocol.md §8): {@code username = base62("<apiKey>|<participantSid>|<expiryUnix>")} and
 * {@code password = base62(SHA-256("<apiSecret>|<participantSid>|<expiryUnix>"))}. The server decodes the username,
 * finds the secret of the API key, checks the expiry and recomputes the password. The account is the participant.
 */
public final class LiveKitCredentials implements CredentialSource {
    private static final int MAX_USERNAME_CHARS = 512;
    private final Map<String, String> secretsByApiKey;

    /** @param secretsByApiKey the API keys and secrets the signaling layer also accepts */
    public LiveKitCredentials(Map<String, String> secretsByApiKey) {
        this.secretsByApiKey = Map.copyOf(secretsByApiKey);
    }

    @Override
    public Optional<Credential> lookup(String username, long nowEpochSeconds) {
        if (username.length() > MAX_USERNAME_CHARS) {
            return Optional.empty();
        }
        return Base62.decode(username)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .flatMap(decoded -> credentialFor(decoded, nowEpochSeconds));
    }

    private Optional<Credential> credentialFor(String decoded, long nowEpochSeconds) {
        String[] parts = decoded.split("\\|", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String secret = secretsByApiKey.get(parts[0]);
        long expiry = parseExpiry(parts[2]);
        if (secret == null || expiry <= nowEpochSeconds) {
            return Optional.empty();
        }
        return Optional.of(new Credential(parts[1], password(secret, parts[1], expiry)));
    }

    /** The username LiveKit's scheme gives {@code participantSid} under {@code apiKey} until {@code expiry}. */
    public static String username(String apiKey, String participantSid, long expiryEpochSeconds) {
        String plain = apiKey + "|" + participantSid + "|" + expiryEpochSeconds;
        return Base62.encode(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The password LiveKit's scheme gives {@code participantSid} under {@code apiSecret} until {@code expiry}. */
    public static String password(String apiSecret, String participantSid, long expiryEpochSeconds) {
        String plain = apiSecret + "|" + participantSid + "|" + expiryEpochSeconds;
        return Base62.encode(sha256(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static long parseExpiry(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
