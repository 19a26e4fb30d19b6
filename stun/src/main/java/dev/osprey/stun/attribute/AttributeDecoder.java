package dev.osprey.stun.attribute;

import dev.osprey.stun.StunParseException;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * The registry of attribute classes: maps a type code to the class that parses its value. A type without a class
 * becomes an {@link UnknownAttribute}; if it is comprehension-required, the message reports it (RFC 8489 §14).
 */
public final class AttributeDecoder {
    private AttributeDecoder() {
    }

    /** Whether this codec has a class for the attribute type {@code code}. */
    public static boolean isUnderstood(int code) {
        return switch (code) {
            case 0x0001, 0x0006, 0x0008, 0x0009, 0x000A, 0x000C, 0x000D, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016,
                 0x0017, 0x0018, 0x0019, 0x001A, 0x001C, 0x001D, 0x001E, 0x0020, 0x0022, 0x0024, 0x0025, 0x002A,
                 0x8000, 0x8001, 0x8002, 0x8003, 0x8004, 0x8022, 0x8023, 0x8028, 0x8029, 0x802A -> true;
            default -> false;
        };
    }

    /**
     * Parses the value of an attribute of type {@code code} at {@code index} ({@code length} bytes, within bounds
     * already checked by the caller).
     *
     * @throws StunParseException if a known attribute's value breaks its layout
     */
    public static StunAttribute decode(int code, ByteBuf buf, int index, int length, TransactionId tid) {
        return switch (code) {
            case 0x0001 -> MappedAddress.decode(buf, index, length, tid);
            case 0x0006 -> Username.decode(buf, index, length);
            case 0x0008 -> MessageIntegrity.decode(buf, index, length);
            case 0x0009 -> ErrorCode.decode(buf, index, length);
            case 0x000A -> UnknownAttributes.decode(buf, index, length);
            case 0x000C -> ChannelNumber.decode(buf, index, length);
            case 0x000D -> Lifetime.decode(buf, index, length);
            case 0x0012 -> XorPeerAddress.decode(buf, index, length, tid);
            case 0x0013 -> Data.decode(buf, index, length);
            case 0x0014 -> Realm.decode(buf, index, length);
            case 0x0015 -> Nonce.decode(buf, index, length);
            case 0x0016 -> XorRelayedAddress.decode(buf, index, length, tid);
            case 0x0017 -> RequestedAddressFamily.decode(buf, index, length);
            case 0x0018 -> EvenPort.decode(buf, index, length);
            case 0x0019 -> RequestedTransport.decode(buf, index, length);
            case 0x001A -> DontFragment.decode(buf, index, length);
            case 0x001C -> MessageIntegritySha256.decode(buf, index, length);
            case 0x001D -> PasswordAlgorithm.decode(buf, index, length);
            case 0x001E -> UserHash.decode(buf, index, length);
            case 0x0020 -> XorMappedAddress.decode(buf, index, length, tid);
            case 0x0022 -> ReservationToken.decode(buf, index, length);
            case 0x0024 -> Priority.decode(buf, index, length);
            case 0x0025 -> UseCandidate.decode(buf, index, length);
            case 0x002A -> ConnectionId.decode(buf, index, length);
            case 0x8000 -> AdditionalAddressFamily.decode(buf, index, length);
            case 0x8001 -> AddressErrorCode.decode(buf, index, length);
            case 0x8002 -> PasswordAlgorithms.decode(buf, index, length);
            case 0x8003 -> AlternateDomain.decode(buf, index, length);
            case 0x8004 -> Icmp.decode(buf, index, length);
            case 0x8022 -> Software.decode(buf, index, length);
            case 0x8023 -> AlternateServer.decode(buf, index, length, tid);
            case 0x8028 -> Fingerprint.decode(buf, index, length);
            case 0x8029 -> IceControlled.decode(buf, index, length);
            case 0x802A -> IceControlling.decode(buf, index, length);
            default -> UnknownAttribute.decode(code, buf, index, length);
        };
    }
}
