package dev.osprey.turn.server;

import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.metrics.Refusal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * CreatePermission (RFC 8656 §9.2), after authentication: no allocation → 437; no XOR-PEER-ADDRESS → 400; each peer is
 * checked (443, 403) and only when all pass are the permissions installed or refreshed for 300 seconds, so that a
 * refused request changes nothing.
 */
public final class CreatePermissionHandler extends AllocationRequestHandler {

    public CreatePermissionHandler(TurnServices services) {
        super(services);
    }

    @Override
    protected void handle(TurnRequest request, Allocation allocation) {
        List<InetSocketAddress> peers = peersOf(request);
        if (peers.isEmpty()) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        for (InetSocketAddress peer : peers) {
            Refusal refusal = PeerChecks.check(services, allocation, peer);
            if (refusal != null) {
                responder.error(request, refusal);
                return;
            }
        }
        long now = services.clock().nanoTime();
        peers.forEach(peer -> allocation.permissions().install(peer.getAddress(), now));
        responder.success(request, List.of());
    }

    private static List<InetSocketAddress> peersOf(TurnRequest request) {
        List<InetSocketAddress> peers = new ArrayList<>(2);
        for (StunAttribute attribute : request.message().attributes()) {
            if (attribute instanceof XorPeerAddress peer) {
                peers.add(peer.address());
            }
        }
        return peers;
    }
}
