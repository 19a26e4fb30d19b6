package dev.osprey.turn.server;

import dev.osprey.turn.metrics.Refusal;
import io.netty.buffer.ByteBuf;

/**
 * A request that acts on the allocation of its 5-tuple (Refresh, CreatePermission, ChannelBind, Connect): without an
 * allocation the server answers 437 Allocation Mismatch (RFC 8656 §7.3, §8.2, §9.2, §11.2; RFC 6062 §5.2), before
 * anything else is looked at.
 */
abstract class AllocationRequestHandler implements RequestHandler {
    protected final TurnServices services;
    protected final TurnResponder responder;

    protected AllocationRequestHandler(TurnServices services) {
        this.services = services;
        this.responder = services.responder();
    }

    @Override
    public final void handle(TurnRequest request, ByteBuf raw) {
        Allocation allocation = request.connection().allocation();
        if (allocation == null) {
            responder.error(request, Refusal.ALLOCATION_MISMATCH);
            return;
        }
        handle(request, allocation);
    }

    /** Handles {@code request} on its 5-tuple's {@code allocation}; sends exactly one response, now or later. */
    protected abstract void handle(TurnRequest request, Allocation allocation);
}
