package dev.osprey.ice;

import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import static dev.osprey.ice.LoopbackAgent.client;
import static dev.osprey.ice.LoopbackAgent.receive;
import static dev.osprey.ice.LoopbackAgent.send;
import static dev.osprey.ice.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/** Several transports on one UDP port over real loopback sockets: routing by ufrag, then by 5-tuple. */
class UdpMuxLoopbackTest {
    private LoopbackAgent fixture;

    @BeforeEach
    void start() {
        fixture = new LoopbackAgent();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Connects {@code client} to {@code transport} with a nominating check and returns the selected pair. */
    static FiveTuple connect(LoopbackAgent f, DatagramSocket client, IceCredentials credentials,
                             RecordingListener listener) {
        byte[] check = Checks.check(credentials, true);
        send(client, f.udp(), check);
        Responses.assertSuccess(receive(client), Checks.transactionId(check),
                (InetSocketAddress) client.getLocalSocketAddress(), credentials.password());
        FiveTuple pair = next(listener.selected);
        assertThat(next(listener.states)).isEqualTo(IceTransportState.CONNECTED);
        return pair;
    }

    @Test
    void twoTransportsShareThePortAndGetTheirOwnPackets() {
        IceCredentials a = IceCredentials.random();
        IceCredentials b = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        RecordingListener lb = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        IceTransport tb = fixture.agent.createTransport(b, lb);
        try (DatagramSocket ca = client(); DatagramSocket cb = client()) {
            FiveTuple pa = connect(fixture, ca, a, la);
            FiveTuple pb = connect(fixture, cb, b, lb);
            assertThat(pa.remote()).isEqualTo(ca.getLocalSocketAddress());
            assertThat(pa.local()).isEqualTo(fixture.udp());
            assertThat(pb.remote()).isEqualTo(cb.getLocalSocketAddress());

            send(ca, fixture.udp(), Checks.rtp(1));
            send(cb, fixture.udp(), Checks.rtp(2));
            RecordingListener.Packet got = next(la.packets);
            assertThat(got.bytes()).isEqualTo(Checks.rtp(1));
            assertThat(got.from()).isEqualTo(pa);
            assertThat(next(lb.packets).bytes()).isEqualTo(Checks.rtp(2));

            tb.send(Unpooled.wrappedBuffer(Checks.rtp(3)));
            ta.send(Unpooled.wrappedBuffer(Checks.rtp(4)));
            assertThat(receive(cb)).isEqualTo(Checks.rtp(3));
            assertThat(receive(ca)).isEqualTo(Checks.rtp(4));
            assertThat(la.packets).isEmpty();
            assertThat(fixture.agent.transportCount()).isEqualTo(2);
        }
    }

    @Test
    void mediaFromAnUnauthenticatedAddressIsDropped() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        fixture.agent.createTransport(a, la);
        try (DatagramSocket good = client(); DatagramSocket stranger = client()) {
            connect(fixture, good, a, la);
            send(stranger, fixture.udp(), Checks.rtp(9));
            send(stranger, fixture.udp(), new byte[]{0x16, (byte) 0xfe, (byte) 0xfd, 0});
            send(good, fixture.udp(), Checks.rtp(1)); // same socket order: arrives after the stranger's packets
            assertThat(next(la.packets).bytes()).isEqualTo(Checks.rtp(1));
            assertThat(fixture.dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(2);
        }
    }

    /** The peer changes address mid-session: checks from the new one make a pair, media on it switches to it. */
    @Test
    void clientThatChangesAddressIsFollowed() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        try (DatagramSocket before = client(); DatagramSocket after = client()) {
            FiveTuple first = connect(fixture, before, a, la);

            byte[] check = Checks.check(a, false);
            send(after, fixture.udp(), check);
            Responses.assertSuccess(receive(after), Checks.transactionId(check),
                    (InetSocketAddress) after.getLocalSocketAddress(), a.password());
            assertThat(ta.selectedPair()).isEqualTo(first); // a check alone does not switch

            send(after, fixture.udp(), Checks.rtp(5));
            FiveTuple switched = next(la.selected);
            assertThat(switched.remote()).isEqualTo(after.getLocalSocketAddress());
            assertThat(next(la.packets).from()).isEqualTo(switched);

            ta.send(Unpooled.wrappedBuffer(Checks.rtp(6)));
            assertThat(receive(after)).isEqualTo(Checks.rtp(6));
            assertThat(LoopbackAgent.silent(before, java.time.Duration.ofMillis(200))).isTrue();
        }
    }

    /** Renomination: USE-CANDIDATE on another valid pair moves the selection there. */
    @Test
    void laterNominationWins() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        try (DatagramSocket one = client(); DatagramSocket two = client()) {
            connect(fixture, one, a, la);
            byte[] check = Checks.check(a, true);
            send(two, fixture.udp(), check);
            receive(two);
            assertThat(next(la.selected).remote()).isEqualTo(two.getLocalSocketAddress());
            assertThat(ta.selectedPair().remote()).isEqualTo(two.getLocalSocketAddress());
        }
    }

    @Test
    void sendBeforeAnyCheckIsDroppedAndCounted() {
        IceTransport t = fixture.agent.createTransport(IceCredentials.random(), new RecordingListener());
        t.send(Unpooled.wrappedBuffer(Checks.rtp(1)));
        assertThat(t.state()).isEqualTo(IceTransportState.NEW);
        assertThat(fixture.dropped(DropReason.NOT_CONNECTED)).isEqualTo(1);
    }

    @Test
    void roleConflictIsAnswered487AndCreatesNoPair() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        try (DatagramSocket c = client()) {
            byte[] check = Checks.controlledCheck(a);
            send(c, fixture.udp(), check);
            Responses.assertError(receive(c), Checks.transactionId(check), StunErrorCode.ROLE_CONFLICT, a.password());
            send(c, fixture.udp(), Checks.rtp(1));
            assertThat(LoopbackAgent.silent(c, java.time.Duration.ofMillis(100))).isTrue();
            assertThat(ta.selectedPair()).isNull();
            assertThat(fixture.responses(487)).isEqualTo(1);
        }
    }

    @Test
    void unknownComprehensionRequiredAttributeIsAnswered420() {
        IceCredentials a = IceCredentials.random();
        fixture.agent.createTransport(a, new RecordingListener());
        try (DatagramSocket c = client()) {
            byte[] check = Checks.request(a, "peer", a.password(), false, new dev.osprey.stun.attribute.UnknownAttribute(
                    dev.osprey.stun.StunAttributeType.CHANGE_REQUEST, new byte[4]));
            send(c, fixture.udp(), check);
            var m = Responses.assertError(receive(c), Checks.transactionId(check), StunErrorCode.UNKNOWN_ATTRIBUTE,
                    a.password());
            assertThat(m.attribute(dev.osprey.stun.attribute.UnknownAttributes.class).orElseThrow().types())
                    .containsExactly(dev.osprey.stun.StunAttributeType.CHANGE_REQUEST);
        }
    }

    @Test
    void unauthenticatedRequestsGet400Or401AndLeaveNoState() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        try (DatagramSocket c = client()) {
            byte[] wrongPassword = Checks.request(a, "peer", "WrongPassword0123456789x", true);
            send(c, fixture.udp(), wrongPassword);
            Responses.assertError(receive(c), Checks.transactionId(wrongPassword), StunErrorCode.UNAUTHENTICATED, null);

            byte[] unknownUfrag = Checks.check(IceCredentials.random(), true);
            send(c, fixture.udp(), unknownUfrag);
            Responses.assertError(receive(c), Checks.transactionId(unknownUfrag), StunErrorCode.UNAUTHENTICATED, null);

            TransactionId tid = TransactionId.random();
            byte[] bare = Checks.encode(dev.osprey.stun.StunMessage.builder(dev.osprey.stun.StunClass.REQUEST,
                    dev.osprey.stun.StunMethod.BINDING, tid).build(), dev.osprey.stun.MessageProtection.NONE);
            send(c, fixture.udp(), bare);
            Responses.assertError(receive(c), tid, StunErrorCode.BAD_REQUEST, null);

            assertThat(fixture.dropped(DropReason.BAD_INTEGRITY)).isEqualTo(1);
            assertThat(fixture.dropped(DropReason.UNKNOWN_UFRAG)).isEqualTo(1);
            assertThat(fixture.dropped(DropReason.MISSING_CREDENTIALS)).isEqualTo(1);
            assertThat(ta.state()).isEqualTo(IceTransportState.NEW);
            assertThat(ta.selectedPair()).isNull();
            assertThat(la.selected).isEmpty();
        }
    }

    @Test
    void closedTransportStopsAnsweringAndReportsClosed() {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport ta = fixture.agent.createTransport(a, la);
        try (DatagramSocket c = client()) {
            connect(fixture, c, a, la);
            ta.close();
            assertThat(next(la.states)).isEqualTo(IceTransportState.CLOSED);
            byte[] check = Checks.check(a, true);
            send(c, fixture.udp(), check);
            Responses.assertError(receive(c), Checks.transactionId(check), StunErrorCode.UNAUTHENTICATED, null);
            assertThat(fixture.agent.transportCount()).isZero();
        }
    }
}
