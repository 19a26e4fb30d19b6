package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.stun.attribute.Data;
import dev.osprey.stun.attribute.DontFragment;
import dev.osprey.stun.attribute.EvenPort;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.ReservationToken;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.server.FakeTcpRelaySockets.PeerChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;

import static dev.osprey.turn.server.AuthenticationTest.code;
import static org.assertj.core.api.Assertions.assertThat;

/** The RFC 6062 handlers against in-memory sockets: every refusal, the pending-connection life, and the bind. */
class TcpAllocationHandlerTest {
    private static final RequestedTransport TCP = new RequestedTransport(RequestedTransport.TCP);
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000);
    private final TurnHarness turn = new TurnHarness();
    private final FakeClient control = turn.client(40000, TransportProtocol.TCP);
    private final FakeClient data = turn.client(40001, TransportProtocol.TCP);

    @AfterEach
    void close() {
        control.releaseAll();
        data.releaseAll();
        turn.close();
    }

    private StunMessage allocate() {
        StunMessage response = turn.request(control, StunMethod.ALLOCATE, TCP);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return response;
    }

    private long connect(InetSocketAddress peer) {
        StunMessage response = turn.request(control, StunMethod.CONNECT, new XorPeerAddress(peer));
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return response.attribute(ConnectionId.class).orElseThrow().id();
    }

    @Test
    void tcpAllocationListensOnARelayedAddressAndAnswersWithoutReservationToken() {
        StunMessage response = allocate();
        assertThat(response.attribute(XorRelayedAddress.class).orElseThrow().address().getPort())
                .isBetween(50000, 50009);
        assertThat(response.has(dev.osprey.stun.StunAttributeType.RESERVATION_TOKEN)).isFalse();
        assertThat(control.allocation().tcp()).isNotNull();
        assertThat(turn.tcpSockets.acceptors).hasSize(1);
        assertThat(turn.relays).isEmpty(); // no UDP relay socket
    }

    @Test
    void tcpAllocationOverUdpOrWithUdpOnlyAttributesIs400() {
        FakeClient udp = turn.client(40002);
        assertThat(code(turn.request(udp, StunMethod.ALLOCATE, TCP))).isEqualTo(400);
        udp.releaseAll();
        assertThat(code(turn.request(control, StunMethod.ALLOCATE, TCP, DontFragment.INSTANCE))).isEqualTo(400);
        assertThat(code(turn.request(control, StunMethod.ALLOCATE, TCP, new EvenPort(false)))).isEqualTo(400);
        assertThat(code(turn.request(control, StunMethod.ALLOCATE, TCP, new ReservationToken(7)))).isEqualTo(400);
        assertThat(code(turn.request(control, StunMethod.ALLOCATE, new RequestedTransport(132)))).isEqualTo(442);
        assertThat(turn.count("osprey.turn.allocations")).isZero();
        assertThat(turn.services.ports().inUse()).isZero();
    }

    @Test
    void connectAnswersWithAConnectionIdThatConnectionBindJoins() {
        allocate();
        long id = connect(PEER);
        assertThat(id).isBetween(1L, 0xFFFF_FFFFL);
        PeerConnection pending = turn.services.pendingConnections().find(id);
        assertThat(pending.state()).isEqualTo(PeerConnection.State.PENDING);
        assertThat(pending.channel().config().isAutoRead()).isFalse();
        assertThat(pending.channel().remoteAddress()).isEqualTo(PEER);
        assertThat(turn.count("osprey.turn.tcp.connections")).isEqualTo(1);

        StunMessage bound = bind(data, TurnHarness.USER, new ConnectionId(id));
        assertThat(bound.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(data.splicedTo).isSameAs(pending.channel());
        ((PeerChannel) pending.channel()).runPendingTasks();
        assertThat(pending.state()).isEqualTo(PeerConnection.State.BOUND);
        assertThat(turn.services.pendingConnections().size()).isZero();

        FakeClient again = turn.client(40003, TransportProtocol.TCP);
        assertThat(code(bind(again, TurnHarness.USER, new ConnectionId(id)))).isEqualTo(400);
        again.releaseAll();
    }

    @Test
    void connectRefusals() {
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(PEER)))).isEqualTo(437);
        allocate();
        assertThat(code(turn.request(control, StunMethod.CONNECT))).isEqualTo(400);
        InetSocketAddress forbidden = new InetSocketAddress("10.1.2.3", 7000);
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(forbidden)))).isEqualTo(403);
        InetSocketAddress v6 = new InetSocketAddress("::1", 7000);
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(v6)))).isEqualTo(443);
        connect(PEER);
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(PEER)))).isEqualTo(446);
        assertThat(turn.count("osprey.turn.refusals", "code", "446")).isEqualTo(1);
    }

    @Test
    void connectOnAUdpAllocationIs400() {
        FakeClient udp = turn.client(40002);
        turn.request(udp, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        assertThat(code(turn.request(udp, StunMethod.CONNECT, new XorPeerAddress(PEER)))).isEqualTo(400);
        udp.releaseAll();
    }

    @Test
    void failedConnectIs447AndMayBeRetried() {
        allocate();
        InetSocketAddress closed = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                FakeTcpRelaySockets.REFUSING_PORT);
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(closed)))).isEqualTo(447);
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(closed)))).isEqualTo(447);
        assertThat(control.allocation().tcp().connections()).isEmpty();
        assertThat(turn.count("osprey.turn.tcp.connections")).isZero();
    }

    @Test
    void tooManyPeerConnectionsIs508() {
        allocate();
        for (int i = 0; i < TcpRelay.MAX_PEER_CONNECTIONS; i++) {
            connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 10000 + i));
        }
        assertThat(code(turn.request(control, StunMethod.CONNECT, new XorPeerAddress(PEER)))).isEqualTo(508);
    }

    @Test
    void connectionBindRefusals() {
        allocate();
        long id = connect(PEER);
        assertThat(code(bind(data, TurnHarness.USER))).isEqualTo(400);
        assertThat(code(bind(data, TurnHarness.USER, new ConnectionId(id ^ 1)))).isEqualTo(400);
        assertThat(code(bind(data, "bob", new ConnectionId(id)))).isEqualTo(441);
        assertThat(code(bind(control, TurnHarness.USER, new ConnectionId(id)))).isEqualTo(400); // has an allocation
        FakeClient udp = turn.client(40002);
        assertThat(code(bind(udp, TurnHarness.USER, new ConnectionId(id)))).isEqualTo(400);
        udp.releaseAll();
        assertThat(data.splicedTo).isNull();
        assertThat(turn.services.pendingConnections().find(id)).isNotNull(); // refusals leave it pending
    }

    @Test
    void malformedConnectionIdIs400() {
        allocate();
        connect(PEER);
        String request = "000b" + "0008" + "2112a442" + "0102030405060708090a0b0c" + "002a0003" + "01020300";
        turn.send(data, io.netty.buffer.Unpooled.wrappedBuffer(HexFormat.of().parseHex(request)));
        assertThat(code(turn.nextMessage(data))).isEqualTo(400);
        assertThat(data.splicedTo).isNull();
    }

    @Test
    void peerWithoutPermissionIsClosedAtOnceAndWithOneIsAnnounced() {
        allocate();
        control.releaseAll();
        PeerChannel stranger = turn.tcpSockets.accept(0, PEER);
        assertThat(stranger.isOpen()).isFalse();
        assertThat(control.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "no_permission")).isEqualTo(1);

        turn.request(control, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        control.releaseAll();
        PeerChannel friend = turn.tcpSockets.accept(0, PEER);
        assertThat(friend.isOpen()).isTrue();
        StunMessage attempt = next(control);
        assertThat(attempt.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(attempt.method()).isEqualTo(StunMethod.CONNECTION_ATTEMPT);
        assertThat(attempt.attribute(XorPeerAddress.class).orElseThrow().address()).isEqualTo(PEER);
        long id = attempt.attribute(ConnectionId.class).orElseThrow().id();
        assertThat(bind(data, TurnHarness.USER, new ConnectionId(id)).messageClass())
                .isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(data.splicedTo).isSameAs(friend);
    }

    @Test
    void unboundPeerConnectionIsClosedAfterThirtySeconds() {
        allocate();
        long id = connect(PEER);
        Channel peer = turn.services.pendingConnections().find(id).channel();
        turn.clock.advanceSeconds(TcpRelay.BIND_TIMEOUT_SECONDS - 1);
        turn.sweep();
        assertThat(peer.isOpen()).isTrue();
        turn.clock.advanceSeconds(1);
        turn.sweep();
        assertThat(peer.isOpen()).isFalse();
        assertThat(turn.services.pendingConnections().find(id)).isNull();
        assertThat(code(bind(data, TurnHarness.USER, new ConnectionId(id)))).isEqualTo(400);
        assertThat(control.allocation().tcp().connections()).isEmpty();
        assertThat(turn.count("osprey.turn.tcp.connections")).isZero();
    }

    @Test
    void deletingTheAllocationClosesItsPeerConnections() {
        allocate();
        long id = connect(PEER);
        Channel peer = turn.services.pendingConnections().find(id).channel();
        turn.request(control, StunMethod.REFRESH, new Lifetime(0));
        assertThat(peer.isOpen()).isFalse();
        assertThat(turn.services.pendingConnections().size()).isZero();
        assertThat(turn.count("osprey.turn.tcp.connections")).isZero();
        assertThat(turn.services.ports().inUse()).isZero();
    }

    @Test
    void channelBindAndSendIndicationsDoNotApplyToTcpAllocations() {
        allocate();
        turn.request(control, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        assertThat(code(turn.request(control, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                new XorPeerAddress(PEER)))).isEqualTo(400);
        control.releaseAll();
        turn.send(control, TurnHarness.encode(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND,
                TransactionId.random()).add(new XorPeerAddress(PEER)).add(new Data(new byte[]{1})).build(),
                MessageProtection.NONE));
        assertThat(control.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "unexpected")).isEqualTo(1);
    }

    private StunMessage bind(FakeClient client, String user, StunAttribute... attributes) {
        String password = user.equals(TurnHarness.USER) ? TurnHarness.PASSWORD : "builder";
        StunMessage request = turn.authenticated(client, StunMethod.CONNECTION_BIND, user, List.of(attributes));
        client.releaseAll();
        return turn.exchange(client, request, TurnHarness.integrity(user, password));
    }

    private static StunMessage next(FakeClient client) {
        ByteBuf out = client.poll();
        assertThat(out).isNotNull();
        try {
            return StunDecoder.decode(out);
        } finally {
            out.release();
        }
    }
}
