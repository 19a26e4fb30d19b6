package dev.osprey.signaling.ws;

/** A WebSocket message that is not a {@code livekit.SignalRequest} in either of its encodings. */
public final class SignalFrameException extends Exception {

    public SignalFrameException(String message) {
        super(message);
    }

    public SignalFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
