package dev.osprey.turn.server;

import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.frame.ChannelData;
import dev.osprey.turn.metrics.Refusal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * ChannelBind (RFC 8656 §11.2), after authentication: no allocation → 437; CHANNEL-NUMBER outside 0x4000–0x7FFF or missing,
 * XOR-PEER-ADDRESS missing, the number bound to another peer or the peer to another number, a TCP allocation (RFC 6062
 * relays no datagrams) → 400; the peer checked (443, 403). Success binds or refreshes the channel for 600 s and installs or refreshes the peer's permission.
 */
public final class ChannelBindHandler extends AllocationRequestHandler {

    public ChannelBindHandler(TurnServices services) {
        super(services);
    }

    @Override
    protected void handle(TurnRequest request, Allocation allocation) {
        Optional<ChannelNumber> number = request.message().attribute(ChannelNumber.class);
        Optional<XorPeerAddress> peer = request.message().attribute(XorPeerAddress.class);
        if (number.isEmpty() || !ChannelData.isValidChannelNumber(number.get().number()) || peer.isEmpty()
                || allocation.tcp() != null) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        InetSocketAddress peerAddress = peer.get().address();
        Refusal refusal = PeerChecks.check(services, allocation, peerAddress);
        if (refusal != null) {
            responder.error(request, refusal);
            return;
        }
        long now = services.clock().nanoTime();
        if (!allocation.channels().bind(number.get().number(), peerAddress, now)) {
            responder.error(request, Refusal.BAD_REQUEST);
            return;
        }
        allocation.permissions().install(peerAddress.getAddress(), now);
        responder.success(request, List.of());
    }
}
