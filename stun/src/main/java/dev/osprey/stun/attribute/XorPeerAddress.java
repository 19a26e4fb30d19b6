package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * XOR-PEER-ADDRESS (RFC 8656 §18.3): a peer's address and port as seen from the TURN server, in the XOR-MAPPED-ADDRESS layout.
 */
public record XorPeerAddress(InetSocketAddress address) implements StunAttribute {
    public XorPeerAddress {
        AddressValue.requireResolved("XOR-PEER-ADDRESS", address);
    }

    static XorPeerAddress decode(ByteBuf buf, int index, int length, TransactionId tid) {
        return new XorPeerAddress(AddressValue.decode("XOR-PEER-ADDRESS", buf, index, length, tid, true));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.XOR_PEER_ADDRESS;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        AddressValue.encode(out, address, transactionId, true);
    }
}
