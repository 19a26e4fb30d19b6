package dev.osprey.turn.server;

import dev.osprey.stun.attribute.AddressFamily;
import dev.osprey.turn.metrics.Refusal;

import java.net.InetSocketAddress;

/**
 * The checks CreatePermission and ChannelBind apply to each XOR-PEER-ADDRESS (RFC 8656 §9.2, §11.2): the peer's
 * family must be the relayed address's (443), and the peer policy must allow it (403).
 */
final class PeerChecks {
    private PeerChecks() {
    }

    /** The refusal for {@code peer} on {@code allocation}, or null when it is acceptable. */
    static Refusal check(TurnServices services, Allocation allocation, InetSocketAddress peer) {
        if (AddressFamily.of(peer.getAddress()) != AddressFamily.of(allocation.relayAddress().getAddress())) {
            return Refusal.PEER_ADDRESS_FAMILY_MISMATCH;
        }
        if (!services.peerPolicy().permits(peer.getAddress())) {
            return Refusal.FORBIDDEN_PEER;
        }
        return null;
    }
}
