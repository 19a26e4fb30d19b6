package dev.osprey.turn.server;

import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.attribute.AddressFamily;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.XorPeerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static dev.osprey.turn.server.AuthenticationTest.code;
import static org.assertj.core.api.Assertions.assertThat;

/** Refresh, CreatePermission and ChannelBind (RFC 8656 §8, §9, §11) and the refusals each can answer. */
class PermissionAndChannelTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 6000);
    private final TurnHarness turn = new TurnHarness();
    private final FakeClient client = turn.client(40000);

    @BeforeEach
    void allocate() {
        turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
    }

    @AfterEach
    void close() {
        client.releaseAll();
        turn.close();
    }

    @Test
    void refreshSetsTheLifetimeAndZeroDeletes() {
        StunMessage refreshed = turn.request(client, StunMethod.REFRESH, new Lifetime(1200));
        assertThat(refreshed.attribute(Lifetime.class).orElseThrow().seconds()).isEqualTo(1200);
        int port = client.allocation().relayAddress().getPort();
        StunMessage deleted = turn.request(client, StunMethod.REFRESH, new Lifetime(0));
        assertThat(deleted.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(deleted.attribute(Lifetime.class).orElseThrow().seconds()).isZero();
        assertThat(client.allocation()).isNull();
        assertThat(turn.relay(0).isOpen()).isFalse();
        assertThat(turn.services.ports().inUse()).isZero();
        assertThat(turn.count("osprey.turn.allocations")).isZero();
        assertThat(port).isBetween(50000, 50009);
        assertThat(code(turn.request(client, StunMethod.REFRESH, new Lifetime(600)))).isEqualTo(437);
    }

    @Test
    void refreshWithAnotherAddressFamilyIs443() {
        assertThat(code(turn.request(client, StunMethod.REFRESH, RequestedAddressFamily.of(AddressFamily.IPV6))))
                .isEqualTo(443);
    }

    @Test
    void requestsWithoutAnAllocationAre437() {
        FakeClient stranger = turn.client(40001);
        assertThat(code(turn.request(stranger, StunMethod.REFRESH))).isEqualTo(437);
        assertThat(code(turn.request(stranger, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER))))
                .isEqualTo(437);
        assertThat(code(turn.request(stranger, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(PEER)))).isEqualTo(437);
        stranger.releaseAll();
    }

    @Test
    void createPermissionInstallsEveryPeer() {
        InetSocketAddress other = new InetSocketAddress("127.0.0.2", 7000);
        StunMessage response = turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER),
                new XorPeerAddress(other));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(client.allocation().permissions().permits(PEER.getAddress())).isTrue();
        assertThat(client.allocation().permissions().permits(other.getAddress())).isTrue();
        assertThat(turn.count("osprey.turn.permissions")).isEqualTo(2);
    }

    @Test
    void createPermissionWithoutPeerIs400() {
        assertThat(code(turn.request(client, StunMethod.CREATE_PERMISSION))).isEqualTo(400);
    }

    @Test
    void restrictedPeerIs403AndNothingIsInstalled() {
        InetSocketAddress lan = new InetSocketAddress("10.1.2.3", 7000);
        assertThat(code(turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER),
                new XorPeerAddress(lan)))).isEqualTo(403);
        assertThat(client.allocation().permissions().size()).isZero();
        assertThat(turn.count("osprey.turn.refusals", "reason", "forbidden_peer")).isEqualTo(1);
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(lan)))).isEqualTo(403);
    }

    @Test
    void ipv6PeerOnAnIpv4RelayIs443() {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::1", 7000);
        assertThat(code(turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(v6)))).isEqualTo(443);
    }

    @Test
    void channelBindBindsAndInstallsThePermission() {
        StunMessage response = turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001),
                new XorPeerAddress(PEER));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(client.allocation().channels().byNumber(0x4001).peer()).isEqualTo(PEER);
        assertThat(client.allocation().permissions().permits(PEER.getAddress())).isTrue();
        assertThat(turn.count("osprey.turn.channels")).isEqualTo(1);
        assertThat(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001),
                new XorPeerAddress(PEER)).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void channelBindRefusesBadNumbersAndConflicts() {
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x3FFF),
                new XorPeerAddress(PEER)))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x8000),
                new XorPeerAddress(PEER)))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000)))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new XorPeerAddress(PEER)))).isEqualTo(400);
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(new InetSocketAddress("127.0.0.1", 6001))))).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4002),
                new XorPeerAddress(PEER)))).isEqualTo(400);
    }

    @Test
    void permissionsChannelsAndAllocationsExpireOnTheSweep() {
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        Allocation allocation = client.allocation();
        turn.clock.advanceSeconds(299);
        turn.sweep();
        assertThat(allocation.permissions().permits(PEER.getAddress())).isTrue();
        turn.clock.advanceSeconds(1);
        turn.sweep();
        assertThat(allocation.permissions().permits(PEER.getAddress())).isFalse();
        assertThat(allocation.channels().byNumber(0x4000)).isNotNull();
        turn.clock.advanceSeconds(299);
        turn.sweep();
        assertThat(allocation.state()).isEqualTo(Allocation.State.LIVE); // 599 s < 600 s allocation lifetime
        turn.clock.advanceSeconds(1);
        turn.sweep();
        assertThat(allocation.state()).isEqualTo(Allocation.State.DELETED);
        assertThat(client.allocation()).isNull();
        assertThat(turn.services.ports().inUse()).isZero();
        assertThat(turn.count("osprey.turn.allocations")).isZero();
        assertThat(turn.count("osprey.turn.channels")).isZero();
        assertThat(turn.count("osprey.turn.permissions")).isZero();
    }

    @Test
    void channelOutlivesItsPermissionUntilTenMinutes() {
        turn.request(client, StunMethod.REFRESH, new Lifetime(3600));
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        Allocation allocation = client.allocation();
        turn.clock.advanceSeconds(599);
        turn.sweep();
        assertThat(allocation.channels().byNumber(0x4000)).isNotNull();
        turn.clock.advanceSeconds(1);
        turn.sweep();
        assertThat(allocation.channels().byNumber(0x4000)).isNull();
        assertThat(allocation.state()).isEqualTo(Allocation.State.LIVE);
    }
}
