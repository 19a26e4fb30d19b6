package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * One STUN attribute (RFC 8489 §14): a typed, immutable value. The codec writes the 4-byte TLV header and the
 * padding; an attribute writes only its value. {@link AttributeDecoder} maps a type code to its class.
 */
public sealed interface StunAttribute permits
        MappedAddress, XorMappedAddress, XorPeerAddress, XorRelayedAddress, AlternateServer,
        Username, Realm, Nonce, Software, AlternateDomain, UserHash, PasswordAlgorithm, PasswordAlgorithms,
        MessageIntegrity, MessageIntegritySha256, Fingerprint, ErrorCode, UnknownAttributes,
        Priority, UseCandidate, IceControlled, IceControlling,
        Lifetime, Data, RequestedTransport, ChannelNumber, EvenPort, DontFragment, ReservationToken,
        RequestedAddressFamily, AdditionalAddressFamily, AddressErrorCode, Icmp, ConnectionId,
        UnknownAttribute {

    StunAttributeType type();

    /**
     * Writes the value, without TLV header or padding, at the writer index. The transaction ID is needed by the
     * XOR-address attributes (RFC 8489 §14.2).
     */
    void encodeValue(ByteBuf out, TransactionId transactionId);
}
