package dev.osprey.stun;

import dev.osprey.stun.attribute.AddressErrorCode;
import dev.osprey.stun.attribute.AdditionalAddressFamily;
import dev.osprey.stun.attribute.AlternateDomain;
import dev.osprey.stun.attribute.AlternateServer;
import dev.osprey.stun.attribute.AttributeDecoder;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.stun.attribute.Data;
import dev.osprey.stun.attribute.DontFragment;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.EvenPort;
import dev.osprey.stun.attribute.IceControlled;
import dev.osprey.stun.attribute.IceControlling;
import dev.osprey.stun.attribute.Icmp;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.MappedAddress;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.PasswordAlgorithm;
import dev.osprey.stun.attribute.PasswordAlgorithms;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.ReservationToken;
import dev.osprey.stun.attribute.Software;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.UnknownAttribute;
import dev.osprey.stun.attribute.UnknownAttributes;
import dev.osprey.stun.attribute.UseCandidate;
import dev.osprey.stun.attribute.UserHash;
import dev.osprey.stun.attribute.Username;
import dev.osprey.stun.attribute.XorMappedAddress;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Generators for every attribute class and for whole messages, shared by the property tests. */
final class StunArbitraries {
    private StunArbitraries() {
    }

    static Arbitrary<StunMessage> messages() {
        return Combinators.combine(
                Arbitraries.of(StunClass.values()),
                Arbitraries.integers().between(0, StunMethod.MAX_CODE).map(StunMethod::valueOf),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers()).as(TransactionId::new),
                attributes().list().ofMaxSize(8)
        ).as(StunMessage::new);
    }

    /** Every attribute class except the integrity and fingerprint ones, which the encoder computes. */
    static Arbitrary<StunAttribute> attributes() {
        return Arbitraries.oneOf(List.of(
                addresses().map(MappedAddress::new),
                addresses().map(XorMappedAddress::new),
                addresses().map(XorPeerAddress::new),
                addresses().map(XorRelayedAddress::new),
                addresses().map(AlternateServer::new),
                text(120).map(Username::new),
                text(200).map(Realm::new),
                text(200).map(Nonce::new),
                text(200).map(Software::new),
                text(100).map(AlternateDomain::new),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(UserHash::new),
                passwordAlgorithm().map(a -> (StunAttribute) a),
                passwordAlgorithm().list().ofMaxSize(4).map(PasswordAlgorithms::new),
                errorCodes().flatMap(c -> text(60).map(r -> new ErrorCode(c, r))),
                attributeTypes().list().ofMaxSize(5).map(UnknownAttributes::new),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(Priority::new),
                Arbitraries.just(UseCandidate.INSTANCE),
                Arbitraries.longs().map(IceControlled::new),
                Arbitraries.longs().map(IceControlling::new),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(Lifetime::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Data::new),
                Arbitraries.integers().between(0, 255).map(RequestedTransport::new),
                Arbitraries.integers().between(0, 0xFFFF).map(ChannelNumber::new),
                Arbitraries.of(true, false).map(EvenPort::new),
                Arbitraries.just(DontFragment.INSTANCE),
                Arbitraries.longs().map(ReservationToken::new),
                Arbitraries.integers().between(0, 255).map(RequestedAddressFamily::new),
                Arbitraries.integers().between(0, 255).map(AdditionalAddressFamily::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), errorCodes(), text(40))
                        .as(AddressErrorCode::new),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers()).as(Icmp::new),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(ConnectionId::new),
                unknownAttribute()));
    }

    static Arbitrary<StunAttribute> unknownAttribute() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 0xFFFF).filter(c -> !AttributeDecoder.isUnderstood(c))
                        .map(StunAttributeType::valueOf),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
        ).as(UnknownAttribute::new);
    }

    static Arbitrary<StunAttributeType> attributeTypes() {
        return Arbitraries.integers().between(0, 0xFFFF).map(StunAttributeType::valueOf);
    }

    static Arbitrary<StunErrorCode> errorCodes() {
        return Arbitraries.integers().between(300, 699).map(StunErrorCode::valueOf);
    }

    static Arbitrary<PasswordAlgorithm> passwordAlgorithm() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 0xFFFF).map(StunPasswordAlgorithm::valueOf),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(9)
        ).as(PasswordAlgorithm::new);
    }

    /** Unicode text without unpaired surrogates, within a byte budget that every text attribute allows. */
    static Arbitrary<String> text(int maxChars) {
        return Arbitraries.strings().all().ofMaxLength(maxChars)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF))
                .filter(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255);
    }

    static Arbitrary<InetSocketAddress> addresses() {
        Arbitrary<InetAddress> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4).map(StunArbitraries::ip);
        Arbitrary<InetAddress> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16).map(StunArbitraries::ip6);
        return Combinators.combine(Arbitraries.oneOf(v4, v6), Arbitraries.integers().between(0, 65535))
                .as(InetSocketAddress::new);
    }

    private static InetAddress ip(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress ip6(byte[] b) {
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
