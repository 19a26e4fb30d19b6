package dev.osprey.turn.server;

import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Binding (RFC 8489 §6.3, RFC 8656 §4: a TURN server is also a STUN server): answers with the client's reflexive
 * transport address in XOR-MAPPED-ADDRESS, without authentication.
 */
public final class BindingHandler implements RequestHandler {
    private final TurnResponder responder;

    public BindingHandler(TurnServices services) {
        this.responder = services.responder();
    }

    @Override
    public void handle(TurnRequest request, ByteBuf raw) {
        responder.success(request, List.of(new XorMappedAddress(request.client())));
    }

    @Override
    public boolean requiresAuthentication() {
        return false;
    }
}
