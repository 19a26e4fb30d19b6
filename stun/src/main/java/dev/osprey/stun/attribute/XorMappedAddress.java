package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the reflexive transport address of the client as the server saw it, obfuscated by XOR with the magic cookie and transaction ID.
 */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
    public XorMappedAddress {
        AddressValue.requireResolved("XOR-MAPPED-ADDRESS", address);
    }

    static XorMappedAddress decode(ByteBuf buf, int index, int length, TransactionId tid) {
        return new XorMappedAddress(AddressValue.decode("XOR-MAPPED-ADDRESS", buf, index, length, tid, true));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.XOR_MAPPED_ADDRESS;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        AddressValue.encode(out, address, transactionId, true);
    }
}
