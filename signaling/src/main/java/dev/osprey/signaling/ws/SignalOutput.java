package dev.osprey.signaling.ws;

import livekit.LivekitRtc.SignalResponse;

/** Where a {@link SignalSession} writes: one WebSocket, in the encoding the client last used. Thread-safe. */
public interface SignalOutput {

    /** Sends one message; dropped if the connection is already closed. */
    void send(SignalResponse response);

    /** Closes the connection with a WebSocket close code (RFC 6455 §7.4) and reason. */
    void close(int code, String reason);

    /** Whether the connection is still open. */
    boolean isOpen();
}
