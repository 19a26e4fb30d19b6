package dev.osprey.turn.server;

import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Optional;

/**
 * ConnectionBind (RFC 6062 §5.4), after authentication, on a new client connection: over UDP, on a connection that
 * already carries an allocation, without CONNECTION-ID or with one that names no pending peer data connection → 400;
 * with another USERNAME than the allocation's → 441 (RFC 8656 §5: one allocation, one user). On success the response
 * is sent, and from then on the connection is a client data connection: every byte after the response is relayed as
 * it is to the peer data connection, and every byte from the peer (including what it sent before the bind) to the
 * client.
 */
public final class ConnectionBindHandler implements RequestHandler {
    private final TurnServices services;
    private final TurnResponder responder;

    public ConnectionBindHandler(TurnServices services) {
        this.services = services;
        this.responder = services.responder();
    }

    @Override
    public void handle(TurnRequest request, ByteBuf raw) {
        ClientConnection connection = request.connection();
        Optional<ConnectionId> id = request.message().attribute(ConnectionId.class);
        PeerConnection pending = id.map(c -> services.pendingConnections().find(c.id())).orElse(null);
        if (!connection.fiveTuple().protocol().isStream() || connection.allocation() != null || pending == null) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        if (!pending.allocation().username().equals(request.username())) {
            services.metrics().authFailed(Refusal.WRONG_CREDENTIALS);
            responder.error(request, Refusal.WRONG_CREDENTIALS);
            return;
        }
        if (!services.pendingConnections().take(pending)) {
            responder.error(request, Refusal.BAD_REQUEST); // the bind timeout or another ConnectionBind was first
            return;
        }
        responder.success(request, List.of());
        connection.spliceTo(pending.channel());
        pending.channel().eventLoop().execute(pending::bound);
    }
}
