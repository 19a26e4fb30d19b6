package dev.osprey.signaling.ws;

import dev.osprey.signaling.join.ConnectRejection;
import dev.osprey.signaling.join.ParticipantInit;
import io.netty.util.concurrent.EventExecutor;

/**
 * Admits a validated participant into its room before the WebSocket upgrade, as LiveKit does: a full room or a
 * room that must exist answers an HTTP status instead of a 101.
 */
public interface SignalSessionFactory {

    /**
     * @param executor the event loop of the connection, where the session may run its work
     * @throws ConnectRejection with LiveKit's status and plain-text reason
     */
    SignalSession open(ParticipantInit participant, EventExecutor executor) throws ConnectRejection;
}
