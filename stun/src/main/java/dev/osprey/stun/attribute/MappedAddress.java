package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS (RFC 8489 §14.1): the reflexive transport address in the clear, kept for RFC 3489-era clients.
 */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {
    public MappedAddress {
        AddressValue.requireResolved("MAPPED-ADDRESS", address);
    }

    static MappedAddress decode(ByteBuf buf, int index, int length, TransactionId tid) {
        return new MappedAddress(AddressValue.decode("MAPPED-ADDRESS", buf, index, length, tid, false));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.MAPPED_ADDRESS;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        AddressValue.encode(out, address, transactionId, false);
    }
}
