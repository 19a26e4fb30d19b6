package dev.osprey.turn.server;

import dev.osprey.stun.AttributeScanner;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunParseException;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.metrics.DropReason;
import dev.osprey.turn.metrics.TurnMetrics;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Send indications (RFC 8656 §10.2): data from the client for a peer, relayed from the allocation's relayed address.
 * Indications are never answered; one without an allocation, with an unknown comprehension-required attribute,
 * without XOR-PEER-ADDRESS or DATA, or for a peer without permission is dropped and counted. The DATA value is relayed
 * as a retained slice of the received bytes.
 */
public final class SendIndicationHandler {
    private final TurnMetrics metrics;
    private final ChannelDataRelay relay;

    public SendIndicationHandler(TurnMetrics metrics, ChannelDataRelay relay) {
        this.metrics = metrics;
        this.relay = relay;
    }

    /** Handles the Send indication in {@code raw}; does not release it. */
    public void handle(ByteBuf raw, ClientConnection connection) {
        Allocation allocation = connection.allocation();
        if (allocation == null || allocation.state() != Allocation.State.LIVE) {
            metrics.dropped(DropReason.NO_ALLOCATION);
            return;
        }
        if (allocation.tcp() != null) {
            metrics.dropped(DropReason.UNEXPECTED); // RFC 6062: a TCP allocation relays over peer data connections
            return;
        }
        StunMessage message;
        try {
            message = StunDecoder.decode(raw);
        } catch (StunParseException e) {
            metrics.dropped(DropReason.MALFORMED);
            return;
        }
        Optional<XorPeerAddress> peer = message.attribute(XorPeerAddress.class);
        int dataIndex = AttributeScanner.find(raw, StunAttributeType.DATA.code());
        if (!message.unknownComprehensionRequired().isEmpty() || peer.isEmpty() || dataIndex < 0) {
            metrics.dropped(DropReason.BAD_INDICATION);
            return;
        }
        InetSocketAddress peerAddress = peer.get().address();
        if (!allocation.permissions().permits(peerAddress.getAddress())) {
            metrics.dropped(DropReason.NO_PERMISSION);
            return;
        }
        ByteBuf data = raw.retainedSlice(dataIndex, AttributeScanner.valueLength(raw, dataIndex));
        relay.send(allocation, data, peerAddress);
    }
}
