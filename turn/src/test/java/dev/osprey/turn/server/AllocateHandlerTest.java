package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.attribute.AddressFamily;
import dev.osprey.stun.attribute.DontFragment;
import dev.osprey.stun.attribute.EvenPort;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.ReservationToken;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.XorMappedAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.osprey.turn.server.AuthenticationTest.code;
import static org.assertj.core.api.Assertions.assertThat;

class AllocateHandlerTest {
    private static final RequestedTransport UDP = new RequestedTransport(RequestedTransport.UDP);
    private TurnHarness turn = new TurnHarness();
    private final FakeClient client = turn.client(40000);

    @AfterEach
    void close() {
        client.releaseAll();
        turn.close();
    }

    @Test
    void allocatesARelayedAddressFromTheRange() {
        StunMessage response = turn.request(client, StunMethod.ALLOCATE, UDP, DontFragment.INSTANCE);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        var relayed = response.attribute(XorRelayedAddress.class).orElseThrow().address();
        assertThat(relayed.getAddress()).isEqualTo(TurnHarness.RELAY_IP);
        assertThat(relayed.getPort()).isBetween(50000, 50009);
        assertThat(response.attribute(Lifetime.class).orElseThrow().seconds()).isEqualTo(600);
        assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
                .isEqualTo(client.fiveTuple().client());
        assertThat(client.allocation().state()).isEqualTo(Allocation.State.LIVE);
        assertThat(turn.count("osprey.turn.allocations")).isEqualTo(1);
        assertThat(turn.count("osprey.turn.allocations.opened")).isEqualTo(1);
    }

    @Test
    void lifetimeIsClampedBetweenDefaultAndMaximum() {
        assertThat(lifetimeGranted(5)).isEqualTo(600);
        assertThat(lifetimeGranted(1800)).isEqualTo(1800);
        assertThat(lifetimeGranted(999_999)).isEqualTo(3600);
    }

    private long lifetimeGranted(long requested) {
        FakeClient other = turn.client(41000 + (int) (requested % 1000));
        StunMessage response = turn.request(other, StunMethod.ALLOCATE, UDP, new Lifetime(requested));
        other.releaseAll();
        return response.attribute(Lifetime.class).orElseThrow().seconds();
    }

    @Test
    void secondAllocateOnTheFiveTupleIs437() {
        turn.request(client, StunMethod.ALLOCATE, UDP);
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, UDP))).isEqualTo(437);
        assertThat(turn.count("osprey.turn.refusals", "reason", "allocation_mismatch")).isEqualTo(1);
    }

    @Test
    void retransmittedAllocateGetsTheSameResponse() {
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, TurnHarness.USER, List.of(UDP));
        MessageProtection key = TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD);
        StunMessage first = turn.exchange(client, request, key);
        StunMessage again = turn.exchange(client, request, key);
        assertThat(again).isEqualTo(first);
        assertThat(turn.count("osprey.turn.allocations.opened")).isEqualTo(1);
        assertThat(turn.count("osprey.turn.refusals")).isZero();
    }

    @Test
    void missingRequestedTransportIs400UnknownIs442AndTcpOverUdpIs400() {
        assertThat(code(turn.request(client, StunMethod.ALLOCATE))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(132)))).isEqualTo(442);
        assertThat(turn.count("osprey.turn.refusals", "code", "442")).isEqualTo(1);
        // RFC 6062 §5.1: a TCP allocation needs a TCP or TLS control connection, else 400
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.TCP))))
                .isEqualTo(400);
        assertThat(client.allocation()).isNull();
    }

    @Test
    void reservationTokenWithEvenPortOrFamilyIs400() {
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, UDP, new ReservationToken(1),
                new EvenPort(false)))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, UDP, new ReservationToken(1),
                RequestedAddressFamily.of(AddressFamily.IPV4)))).isEqualTo(400);
    }

    @Test
    void ipv6WithoutAnIpv6RelayAddressIs440() {
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, UDP, RequestedAddressFamily.of(AddressFamily.IPV6))))
                .isEqualTo(440);
        assertThat(code(turn.request(client, StunMethod.ALLOCATE, UDP, new RequestedAddressFamily(0x03))))
                .isEqualTo(440);
    }

    @Test
    void evenPortWithReservationHoldsTheNextPortForATokenHolder() {
        StunMessage first = turn.request(client, StunMethod.ALLOCATE, UDP, new EvenPort(true));
        int even = first.attribute(XorRelayedAddress.class).orElseThrow().address().getPort();
        assertThat(even % 2).isZero();
        long token = first.attribute(ReservationToken.class).orElseThrow().token();

        FakeClient second = turn.client(40001);
        StunMessage redeemed = turn.request(second, StunMethod.ALLOCATE, UDP, new ReservationToken(token));
        assertThat(redeemed.attribute(XorRelayedAddress.class).orElseThrow().address().getPort()).isEqualTo(even + 1);
        FakeClient third = turn.client(40002);
        assertThat(code(turn.request(third, StunMethod.ALLOCATE, UDP, new ReservationToken(token)))).isEqualTo(508);
        second.releaseAll();
        third.releaseAll();
    }

    @Test
    void perUserQuotaIs486() {
        turn.close();
        turn = new TurnHarness(b -> b.perUserAllocationLimit(1));
        FakeClient first = turn.client(40010);
        FakeClient second = turn.client(40011);
        assertThat(turn.request(first, StunMethod.ALLOCATE, UDP).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(code(turn.request(second, StunMethod.ALLOCATE, UDP))).isEqualTo(486);
        assertThat(turn.count("osprey.turn.refusals", "reason", "allocation_quota_reached")).isEqualTo(1);
        turn.request(first, StunMethod.REFRESH, new Lifetime(0));
        assertThat(turn.request(second, StunMethod.ALLOCATE, UDP).messageClass())
                .isEqualTo(StunClass.SUCCESS_RESPONSE);
        first.releaseAll();
        second.releaseAll();
    }

    @Test
    void serverCapAndExhaustedPortsAre508() {
        turn.close();
        turn = new TurnHarness(b -> b.maxAllocations(1));
        FakeClient first = turn.client(40010);
        FakeClient second = turn.client(40011);
        turn.request(first, StunMethod.ALLOCATE, UDP);
        assertThat(code(turn.request(second, StunMethod.ALLOCATE, UDP))).isEqualTo(508);
        first.releaseAll();
        second.releaseAll();

        turn.close();
        turn = new TurnHarness(b -> b.relayRange(50000, 50000).perUserAllocationLimit(0));
        FakeClient a = turn.client(40020);
        FakeClient b = turn.client(40021);
        turn.request(a, StunMethod.ALLOCATE, UDP);
        assertThat(code(turn.request(b, StunMethod.ALLOCATE, UDP))).isEqualTo(508);
        assertThat(turn.services.quota().of(TurnHarness.USER)).isEqualTo(1); // the refused one was given back
        a.releaseAll();
        b.releaseAll();
    }

    @Test
    void aTakenPortIsSkippedAndTooManyFailuresAre508() {
        turn.failNextBinds = 2;
        StunMessage response = turn.request(client, StunMethod.ALLOCATE, UDP);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(turn.services.ports().inUse()).isEqualTo(1);

        FakeClient other = turn.client(40003);
        turn.failNextBinds = AllocateHandler.BIND_ATTEMPTS;
        assertThat(code(turn.request(other, StunMethod.ALLOCATE, UDP))).isEqualTo(508);
        assertThat(other.allocation()).isNull();
        assertThat(turn.services.ports().inUse()).isEqualTo(1);
        assertThat(turn.services.quota().of(TurnHarness.USER)).isEqualTo(1);
        other.releaseAll();
    }

    @Test
    void unknownComprehensionRequiredAttributeIs420ListingIt() {
        StunAttribute unknown = new dev.osprey.stun.attribute.UnknownAttribute(
                dev.osprey.stun.StunAttributeType.valueOf(0x0031), new byte[]{1, 2, 3, 4});
        StunMessage response = turn.request(client, StunMethod.ALLOCATE, UDP, unknown);
        assertThat(code(response)).isEqualTo(420);
        assertThat(response.attribute(dev.osprey.stun.attribute.UnknownAttributes.class).orElseThrow().types())
                .extracting(t -> t.code()).containsExactly(0x0031);
        assertThat(client.allocation()).isNull();
    }

    @Test
    void unknownComprehensionOptionalAttributeIsIgnored() {
        StunAttribute optional = new dev.osprey.stun.attribute.UnknownAttribute(
                dev.osprey.stun.StunAttributeType.valueOf(0xC123), new byte[]{1});
        assertThat(turn.request(client, StunMethod.ALLOCATE, UDP, optional).messageClass())
                .isEqualTo(StunClass.SUCCESS_RESPONSE);
    }
}
