package dev.osprey.signaling.ws;

import livekit.LivekitRtc.SignalRequest;

/**
 * The room side of one participant's signal connection, as the WebSocket layer drives it. All calls arrive on the
 * connection's event loop; an implementation hands them to its own executor if it needs one.
 */
public interface SignalSession {

    /** The WebSocket is open: the session may now send (the JoinResponse first, livekit-protocol.md §2.1). */
    void attach(SignalOutput output);

    /** A request other than the liveness ones the WebSocket layer answers itself. */
    void onRequest(SignalRequest request);

    /**
     * The WebSocket closed. {@code clientLeft} is true after a {@code leave} request or a clean close frame from the
     * client; otherwise the participant may come back and resume (§2.9).
     */
    void detached(SignalOutput output, boolean clientLeft);
}
