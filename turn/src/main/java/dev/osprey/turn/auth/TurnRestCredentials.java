package dev.osprey.turn.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * The time-limited "TURN REST API" credentials (draft-uberti-behave-turn-rest, as coturn's
 * {@code --use-auth-secret} implements them): {@code username = "<expiry-unix-seconds>:<user>"} and
 * {@code password = base64(HMAC-SHA1(secret, username))}. Nothing is stored per user: the password is recomputed
 * from the shared secret, and a username whose expiry has passed is unknown.
 */
public final class TurnRestCredentials implements CredentialSource {
    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final int MAX_EXPIRY_DIGITS = 12;
    private final SecretKeySpec secret;

    public TurnRestCredentials(String sharedSecret) {
        if (sharedSecret.isEmpty()) {
            throw new IllegalArgumentException("the TURN REST shared secret must not be empty");
        }
        this.secret = new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    }

    @Override
    public Optional<Credential> lookup(String username, long nowEpochSeconds) {
        int colon = username.indexOf(':');
        if (colon <= 0 || colon > MAX_EXPIRY_DIGITS || colon == username.length() - 1) {
            return Optional.empty();
        }
        long expiry = parseDigits(username, colon);
        if (expiry < 0 || expiry <= nowEpochSeconds) {
            return Optional.empty();
        }
        return Optional.of(new Credential(username.substring(colon + 1), password(username)));
    }

    /** The password for {@code username} under this secret; also what a credential issuer hands to clients. */
    public String password(String username) {
        return Base64.getEncoder().encodeToString(hmac(secret, username));
    }

    static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + key.getAlgorithm(), e);
        }
    }

    private static long parseDigits(String text, int end) {
        long value = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
