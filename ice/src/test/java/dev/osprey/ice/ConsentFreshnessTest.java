package dev.osprey.ice;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;

import static dev.osprey.ice.LoopbackAgent.client;
import static dev.osprey.ice.LoopbackAgent.receive;
import static dev.osprey.ice.LoopbackAgent.send;
import static dev.osprey.ice.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7675 with an injected clock: no valid check for the timeout, and the transport is disconnected. */
class ConsentFreshnessTest {
    private LoopbackAgent fixture;

    @BeforeEach
    void start() {
        fixture = new LoopbackAgent(1, IceSettings.builder().consentTimeout(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private double expired() {
        return fixture.registry.get("osprey.ice.consent.expired").counter().count();
    }

    @Test
    void checksKeepConsentAndSilenceLosesIt() throws Exception {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport t = fixture.agent.createTransport(a, la);
        try (DatagramSocket c = client()) {
            UdpMuxLoopbackTest.connect(fixture, c, a, la);

            for (int i = 0; i < 3; i++) { // a consent check every 20 s keeps the pair alive past 30 s
                fixture.clock.advance(Duration.ofSeconds(20));
                byte[] check = Checks.check(a, false);
                send(c, fixture.udp(), check);
                Responses.assertSuccess(receive(c), Checks.transactionId(check),
                        (InetSocketAddress) c.getLocalSocketAddress(), a.password());
                fixture.agent.sweepConsent().get();
                assertThat(t.state()).isEqualTo(IceTransportState.CONNECTED);
            }

            fixture.clock.advance(Duration.ofSeconds(29));
            fixture.agent.sweepConsent().get();
            assertThat(t.state()).isEqualTo(IceTransportState.CONNECTED);
            fixture.clock.advance(Duration.ofSeconds(1));
            fixture.agent.sweepConsent().get();
            assertThat(next(la.states)).isEqualTo(IceTransportState.DISCONNECTED);
            assertThat(t.state()).isEqualTo(IceTransportState.DISCONNECTED);
            assertThat(t.selectedPair()).isNull();
            assertThat(expired()).isEqualTo(1);

            t.send(Unpooled.wrappedBuffer(Checks.rtp(1)));
            assertThat(fixture.dropped(DropReason.NOT_CONNECTED)).isEqualTo(1);
            send(c, fixture.udp(), Checks.rtp(2)); // the route went with the pair
            byte[] probe = Checks.check(IceCredentials.random(), false); // in-order marker on the same socket
            send(c, fixture.udp(), probe);
            receive(c);
            assertThat(fixture.dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(1);
            assertThat(la.packets).isEmpty();
        }
    }

    @Test
    void aValidCheckAfterExpiryRestoresConsent() throws Exception {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport t = fixture.agent.createTransport(a, la);
        try (DatagramSocket c = client()) {
            UdpMuxLoopbackTest.connect(fixture, c, a, la);
            fixture.clock.advance(Duration.ofSeconds(31));
            fixture.agent.sweepConsent().get();
            assertThat(next(la.states)).isEqualTo(IceTransportState.DISCONNECTED);

            byte[] check = Checks.check(a, false);
            send(c, fixture.udp(), check);
            receive(c);
            assertThat(next(la.selected).remote()).isEqualTo(c.getLocalSocketAddress());
            assertThat(next(la.states)).isEqualTo(IceTransportState.CONNECTED);
            t.send(Unpooled.wrappedBuffer(Checks.rtp(7)));
            assertThat(receive(c)).isEqualTo(Checks.rtp(7));
        }
    }

    /** With two valid pairs, losing consent on the selected one falls back to the fresher one, no disconnect. */
    @Test
    void selectedPairExpiryFallsBackToAnotherValidPair() throws Exception {
        IceCredentials a = IceCredentials.random();
        RecordingListener la = new RecordingListener();
        IceTransport t = fixture.agent.createTransport(a, la);
        try (DatagramSocket one = client(); DatagramSocket two = client()) {
            UdpMuxLoopbackTest.connect(fixture, one, a, la);
            fixture.clock.advance(Duration.ofSeconds(20));
            send(two, fixture.udp(), Checks.check(a, false));
            receive(two);
            fixture.clock.advance(Duration.ofSeconds(15));
            fixture.agent.sweepConsent().get();
            assertThat(next(la.selected).remote()).isEqualTo(two.getLocalSocketAddress());
            assertThat(t.state()).isEqualTo(IceTransportState.CONNECTED);
            assertThat(expired()).isZero();
        }
    }
}
