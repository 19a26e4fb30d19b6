package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address the TURN server allocated, in the XOR-MAPPED-ADDRESS layout.
 */
public record XorRelayedAddress(InetSocketAddress address) implements StunAttribute {
    public XorRelayedAddress {
        AddressValue.requireResolved("XOR-RELAYED-ADDRESS", address);
    }

    static XorRelayedAddress decode(ByteBuf buf, int index, int length, TransactionId tid) {
        return new XorRelayedAddress(AddressValue.decode("XOR-RELAYED-ADDRESS", buf, index, length, tid, true));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.XOR_RELAYED_ADDRESS;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        AddressValue.encode(out, address, transactionId, true);
    }
}
