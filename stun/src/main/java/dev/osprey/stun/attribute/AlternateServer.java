package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * ALTERNATE-SERVER (RFC 8489 §14.15): the server a 300 (Try Alternate) response redirects to, in the MAPPED-ADDRESS layout.
 */
public record AlternateServer(InetSocketAddress address) implements StunAttribute {
    public AlternateServer {
        AddressValue.requireResolved("ALTERNATE-SERVER", address);
    }

    static AlternateServer decode(ByteBuf buf, int index, int length, TransactionId tid) {
        return new AlternateServer(AddressValue.decode("ALTERNATE-SERVER", buf, index, length, tid, false));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ALTERNATE_SERVER;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        AddressValue.encode(out, address, transactionId, false);
    }
}
