package dev.osprey.signaling.session;

import dev.osprey.signaling.ws.SignalOutput;
import dev.osprey.signaling.ws.SignalSession;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;

/**
 * A resume for a participant the server no longer has (livekit-protocol.md §2.9): the client is told to rejoin
 * from scratch with {@code leave {reason: STATE_MISMATCH, action: RECONNECT}}.
 */
final class StaleSession implements SignalSession {

    @Override
    public void attach(SignalOutput output) {
        output.send(SignalResponse.newBuilder().setLeave(RtcSession.leave(DisconnectReason.STATE_MISMATCH,
                LeaveRequest.Action.RECONNECT)).build());
        output.close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "");
    }

    @Override
    public void onRequest(SignalRequest request) {
        // the connection is closing with its leave already sent; nothing it asks can be acted on
    }

    @Override
    public void detached(SignalOutput output, boolean clientLeft) {
        // no room state belongs to this connection
    }
}
