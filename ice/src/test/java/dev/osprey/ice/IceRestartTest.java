package dev.osprey.ice;

import dev.osprey.stun.StunErrorCode;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import static dev.osprey.ice.LoopbackAgent.client;
import static dev.osprey.ice.LoopbackAgent.receive;
import static dev.osprey.ice.LoopbackAgent.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ICE restart (RFC 8445 §9): new credentials, same transport; old ones work until the new ones are used. */
class IceRestartTest {
    private LoopbackAgent fixture;

    @BeforeEach
    void start() {
        fixture = new LoopbackAgent();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void restartKeepsTheTransportAndRetiresTheOldCredentials() {
        IceCredentials first = IceCredentials.random();
        IceCredentials second = IceCredentials.random();
        RecordingListener l = new RecordingListener();
        IceTransport t = fixture.agent.createTransport(first, l);
        try (DatagramSocket c = client()) {
            FiveTuple pair = UdpMuxLoopbackTest.connect(fixture, c, first, l);
            t.restart(second);
            assertThat(t.localCredentials()).isEqualTo(second);
            assertThat(t.selectedPair()).isEqualTo(pair);

            byte[] old = Checks.check(first, false); // still valid while the restart is under way
            send(c, fixture.udp(), old);
            Responses.assertSuccess(receive(c), Checks.transactionId(old),
                    (InetSocketAddress) c.getLocalSocketAddress(), first.password());
            assertThat(l.restarts).isEmpty();

            byte[] fresh = Checks.check(second, true);
            send(c, fixture.udp(), fresh);
            Responses.assertSuccess(receive(c), Checks.transactionId(fresh),
                    (InetSocketAddress) c.getLocalSocketAddress(), second.password());
            assertThat(RecordingListener.next(l.restarts)).isEqualTo(second);

            byte[] stale = Checks.check(first, false);
            send(c, fixture.udp(), stale);
            Responses.assertError(receive(c), Checks.transactionId(stale), StunErrorCode.UNAUTHENTICATED, null);

            t.send(Unpooled.wrappedBuffer(Checks.rtp(8)));
            assertThat(receive(c)).isEqualTo(Checks.rtp(8));
            assertThat(t.state()).isEqualTo(IceTransportState.CONNECTED);
            assertThat(l.states).isEmpty(); // no state change across the restart
            assertThat(fixture.agent.transportCount()).isEqualTo(1);
        }
    }

    @Test
    void ufragsAreUniqueAcrossTransports() {
        IceCredentials a = IceCredentials.random();
        fixture.agent.createTransport(a, new RecordingListener());
        IceTransport b = fixture.agent.createTransport(IceCredentials.random(), new RecordingListener());
        assertThatThrownBy(() -> fixture.agent.createTransport(a, new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.restart(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
