package dev.osprey.signaling.auth;

/**
 * An access token that cannot be used: malformed, signed with an unknown key or a wrong secret, expired, or with
 * claims of the wrong shape. The message is safe to show to the client (LiveKit answers it as the 401 body).
 */
public final class AccessTokenException extends Exception {

    public AccessTokenException(String message) {
        super(message);
    }

    public AccessTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
