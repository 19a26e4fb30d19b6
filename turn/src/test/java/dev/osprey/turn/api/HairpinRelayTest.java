package dev.osprey.turn.api;

import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.Data;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two allocations of one server relaying to each other (both ends of a call on the same TURN server): the data goes
 * from one allocation to the other inside the server, and the receiving client sees exactly what the kernel path would
 * have given it. The clients are on TCP connections, which the server's two event loops take in turn, so the first
 * and second client are served by different loops and the first and third by the same one.
 */
class HairpinRelayTest {
    private static final byte[] PAYLOAD = {10, 20, 30, 40, 50, 60};
    private LoopbackTurnServer turn;
    private final List<StreamTurnClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        turn = new LoopbackTurnServer(b -> b);
    }

    @AfterEach
    void stop() throws IOException {
        for (StreamTurnClient client : clients) {
            client.close();
        }
        turn.close();
    }

    private StreamTurnClient client() throws IOException {
        StreamTurnClient client = new StreamTurnClient(turn.udpPort());
        clients.add(client);
        return client;
    }

    private static InetSocketAddress allocate(StreamTurnClient client) throws IOException {
        StunMessage response = client.request(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return response.attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    /** Two clients, each with a UDP allocation. */
    private Pair pair() throws IOException {
        StreamTurnClient first = client();
        StreamTurnClient second = client();
        return new Pair(first, second, allocate(first), allocate(second));
    }

    private record Pair(StreamTurnClient a, StreamTurnClient b, InetSocketAddress relayA, InetSocketAddress relayB) {
    }

    private static void succeeds(StunMessage response) {
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    /** ChannelData over TCP: 4-byte header, payload, padding to a multiple of four (RFC 8656 §12.5). */
    private static byte[] channelData(int channel, byte[] payload) {
        byte[] frame = new byte[4 + ((payload.length + 3) & ~3)];
        frame[0] = (byte) (channel >> 8);
        frame[1] = (byte) channel;
        frame[2] = (byte) (payload.length >> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        return frame;
    }

    private static void receivesDataIndication(StreamTurnClient client, InetSocketAddress from) throws IOException {
        StunMessage indication = client.read();
        assertThat(indication.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(indication.method()).isEqualTo(StunMethod.DATA);
        assertThat(indication.attribute(XorPeerAddress.class).orElseThrow().address()).isEqualTo(from);
        assertThat(indication.attribute(Data.class).orElseThrow().data()).containsExactly(PAYLOAD);
    }

    @Test
    void channelDataReachesAnAllocationOnAnotherLoopAndOnTheSameLoop() throws IOException {
        StreamTurnClient sender = client();
        StreamTurnClient otherLoop = client();
        StreamTurnClient sameLoop = client();
        InetSocketAddress senderRelay = allocate(sender);
        InetSocketAddress otherRelay = allocate(otherLoop);
        InetSocketAddress sameRelay = allocate(sameLoop);
        succeeds(otherLoop.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(senderRelay)));
        succeeds(sameLoop.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(senderRelay)));
        succeeds(sender.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(otherRelay)));
        succeeds(sender.request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001), new XorPeerAddress(sameRelay)));

        sender.write(channelData(0x4000, PAYLOAD));
        sender.write(channelData(0x4001, PAYLOAD));

        receivesDataIndication(otherLoop, senderRelay);
        receivesDataIndication(sameLoop, senderRelay);
        assertThat(turn.counter("osprey.turn.relayed.hairpin.packets")).isEqualTo(2);
        assertThat(turn.counter("osprey.turn.relayed.packets", "direction", "client_to_peer")).isEqualTo(2);
        assertThat(turn.counter("osprey.turn.relayed.packets", "direction", "peer_to_client")).isEqualTo(2);
    }

    @Test
    void theReceiverAnswersOnItsOwnChannelAndTheSenderGetsChannelData() throws IOException {
        Pair p = pair();
        succeeds(p.a().request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4100), new XorPeerAddress(p.relayB())));
        succeeds(p.b().request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4200), new XorPeerAddress(p.relayA())));

        p.a().write(channelData(0x4100, PAYLOAD));
        assertThat(p.b().readExactly(12)).containsExactly(channelData(0x4200, PAYLOAD));
        p.b().write(channelData(0x4200, PAYLOAD));
        assertThat(p.a().readExactly(12)).containsExactly(channelData(0x4100, PAYLOAD));
    }

    @Test
    void aReceiverWithoutPermissionForTheSenderGetsNothing() throws IOException {
        Pair p = pair();
        succeeds(p.a().request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(p.relayB())));

        p.a().write(channelData(0x4000, PAYLOAD));

        awaitCount("osprey.turn.dropped", 1, "reason", "no_permission");
        p.b().socket.setSoTimeout(300);
        assertThatThrownBy(p.b()::read).isInstanceOf(SocketTimeoutException.class);
        assertThat(turn.counter("osprey.turn.relayed.hairpin.packets")).isEqualTo(1);
    }

    @Test
    void afterTheReceiverIsGoneDataGoesOutThroughTheRelaySocket() throws IOException {
        Pair p = pair();
        succeeds(p.b().request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(p.relayA())));
        succeeds(p.a().request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(p.relayB())));
        succeeds(p.b().request(StunMethod.REFRESH, new Lifetime(0)));

        p.a().write(channelData(0x4000, PAYLOAD));

        awaitCount("osprey.turn.relayed.packets", 1, "direction", "client_to_peer");
        assertThat(turn.counter("osprey.turn.relayed.hairpin.packets")).isZero();
    }

    /** Waits (up to five seconds) for the server's loops to have counted {@code expected}. */
    private void awaitCount(String name, double expected, String... tags) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (turn.counter(name, tags) < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(turn.counter(name, tags)).isEqualTo(expected);
    }
}
