package dev.osprey.turn.api;

import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.stun.attribute.XorRelayedAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6062 TCP allocations end to end on loopback with real sockets: a TURN client's control and data connections,
 * and a peer that is a plain TCP server (Connect) or a plain TCP client (ConnectionAttempt).
 */
class TcpAllocationTest {
    private static final RequestedTransport TCP = new RequestedTransport(RequestedTransport.TCP);
    private final MovableClock clock = new MovableClock();
    private LoopbackTurnServer turn;
    private StreamTurnClient control;
    private ServerSocket peerServer;

    /** The transport under test: NIO here, epoll in {@link EpollTcpAllocationTest}. */
    boolean epoll() {
        return false;
    }

    @BeforeEach
    void start() throws IOException {
        turn = new LoopbackTurnServer(b -> b, clock, epoll());
        control = new StreamTurnClient(turn.udpPort());
        peerServer = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        peerServer.setSoTimeout(5000);
    }

    @AfterEach
    void stop() throws IOException {
        if (turn == null) {
            return; // the transport is not available here
        }
        control.close();
        peerServer.close();
        turn.close();
    }

    private InetSocketAddress allocate() throws IOException {
        StunMessage response = control.request(StunMethod.ALLOCATE, TCP);
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return response.attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    private long connect(InetSocketAddress peer) throws IOException {
        StunMessage response = control.request(StunMethod.CONNECT, new XorPeerAddress(peer));
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return response.attribute(ConnectionId.class).orElseThrow().id();
    }

    private StreamTurnClient bind(long id) throws IOException {
        StreamTurnClient data = new StreamTurnClient(turn.udpPort()).withNonceOf(control);
        StunMessage response = data.request(StunMethod.CONNECTION_BIND, new ConnectionId(id));
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.SUCCESS_RESPONSE);
        return data;
    }

    private InetSocketAddress peerAddress() {
        return (InetSocketAddress) peerServer.getLocalSocketAddress();
    }

    @Test
    void connectReachesThePeerFromTheRelayedAddressAndRelaysBothWays() throws Exception {
        InetSocketAddress relayed = allocate();
        long id = connect(peerAddress());
        try (Socket peer = peerServer.accept()) {
            assertThat(peer.getPort()).as("source port of the server's connection").isEqualTo(relayed.getPort());
            peer.setSoTimeout(5000);
            peer.getOutputStream().write(ascii("before the bind;"));
            try (StreamTurnClient data = bind(id)) {
                assertThat(data.readExactly(16)).isEqualTo(ascii("before the bind;"));
                data.write(ascii("hello peer"));
                assertThat(peer.getInputStream().readNBytes(10)).isEqualTo(ascii("hello peer"));
                peer.getOutputStream().write(ascii("hello client"));
                assertThat(data.readExactly(12)).isEqualTo(ascii("hello client"));
                assertThat(turn.counter("osprey.turn.relayed.bytes", "direction", "client_to_peer")).isEqualTo(10);
                assertThat(turn.counter("osprey.turn.relayed.bytes", "direction", "peer_to_client")).isEqualTo(28);
            }
            assertThat(peer.getInputStream().read()).as("peer sees the client data connection's end").isEqualTo(-1);
        }
        turn.drainLoops();
        assertThat(gauge("osprey.turn.tcp.connections")).isZero();
    }

    @Test
    void bytesSentRightBehindTheConnectionBindAreRelayedRaw() throws Exception {
        allocate();
        long id = connect(peerAddress());
        try (Socket peer = peerServer.accept(); StreamTurnClient data = new StreamTurnClient(turn.udpPort())) {
            data.withNonceOf(control);
            peer.setSoTimeout(5000);
            byte[] tail = new byte[]{(byte) 0xFF, 0, 1, 2}; // not STUN, not ChannelData: raw after the bind
            byte[] request = data.encodeRequest(StunMethod.CONNECTION_BIND, new ConnectionId(id));
            byte[] both = Arrays.copyOf(request, request.length + tail.length);
            System.arraycopy(tail, 0, both, request.length, tail.length);
            data.write(both);
            assertThat(data.read().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(peer.getInputStream().readNBytes(4)).isEqualTo(tail);
        }
    }

    @Test
    void peerWithPermissionIsAnnouncedAndBound() throws Exception {
        InetSocketAddress relayed = allocate();
        assertThat(control.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 1))).messageClass())
                .isEqualTo(StunClass.SUCCESS_RESPONSE);
        try (Socket peer = new Socket(relayed.getAddress(), relayed.getPort())) {
            peer.setSoTimeout(5000);
            peer.getOutputStream().write(ascii("knock knock"));
            StunMessage attempt = control.read();
            assertThat(attempt.messageClass()).isEqualTo(StunClass.INDICATION);
            assertThat(attempt.method()).isEqualTo(StunMethod.CONNECTION_ATTEMPT);
            assertThat(attempt.attribute(XorPeerAddress.class).orElseThrow().address())
                    .isEqualTo(peer.getLocalSocketAddress());
            try (StreamTurnClient data = bind(attempt.attribute(ConnectionId.class).orElseThrow().id())) {
                assertThat(data.readExactly(11)).isEqualTo(ascii("knock knock"));
                data.write(ascii("who's there"));
                assertThat(peer.getInputStream().readNBytes(11)).isEqualTo(ascii("who's there"));
            }
        }
    }

    @Test
    void peerWithoutPermissionIsClosedAndNotAnnounced() throws Exception {
        InetSocketAddress relayed = allocate();
        try (Socket peer = new Socket(relayed.getAddress(), relayed.getPort())) {
            peer.setSoTimeout(5000);
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
        }
        turn.drainLoops();
        assertThat(control.socket.getInputStream().available()).isZero();
        assertThat(turn.counter("osprey.turn.dropped", "reason", "no_permission")).isEqualTo(1);
    }

    @Test
    void connectToAClosedPortIs447AndASecondConnectToALivePeerIs446() throws Exception {
        allocate();
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        StunMessage failed = control.request(StunMethod.CONNECT,
                new XorPeerAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort)));
        assertThat(code(failed)).isEqualTo(447);
        connect(peerAddress());
        assertThat(code(control.request(StunMethod.CONNECT, new XorPeerAddress(peerAddress())))).isEqualTo(446);
    }

    @Test
    void peerConnectionWithoutConnectionBindIsClosedAfterThirtySeconds() throws Exception {
        allocate();
        long id = connect(peerAddress());
        try (Socket peer = peerServer.accept()) {
            peer.setSoTimeout(5000);
            clock.advanceSeconds(29);
            turn.sweepAll();
            assertThat(peer.getInputStream().available()).isZero();
            clock.advanceSeconds(2);
            turn.sweepAll();
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
        }
        try (StreamTurnClient data = new StreamTurnClient(turn.udpPort()).withNonceOf(control)) {
            assertThat(code(data.request(StunMethod.CONNECTION_BIND, new ConnectionId(id)))).isEqualTo(400);
        }
    }

    @Test
    void closingTheControlConnectionEndsTheDataConnections() throws Exception {
        allocate();
        long id = connect(peerAddress());
        try (Socket peer = peerServer.accept(); StreamTurnClient data = bind(id)) {
            peer.setSoTimeout(5000);
            control.close();
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
            assertThat(data.closedByServer()).isTrue();
        }
        turn.drainLoops();
        assertThat(gauge("osprey.turn.allocations")).isZero();
        assertThat(gauge("osprey.turn.tcp.connections")).isZero();
    }

    @Test
    void eightMegabytesFromThePeerArriveWholeAndInOrder() throws Exception {
        allocate();
        long id = connect(peerAddress());
        byte[] payload = new byte[8 << 20];
        new Random(42).nextBytes(payload);
        try (Socket peer = peerServer.accept(); StreamTurnClient data = bind(id)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    peer.getOutputStream().write(payload);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            data.socket.setSoTimeout(20_000);
            byte[] received = data.readExactly(payload.length);
            writer.join();
            assertThat(Arrays.equals(received, payload)).isTrue();
        }
    }

    private static int code(StunMessage response) {
        assertThat(response.messageClass()).as("%s", response).isEqualTo(StunClass.ERROR_RESPONSE);
        return response.attribute(ErrorCode.class).orElseThrow().code().code();
    }

    private double gauge(String name) {
        return turn.meters.find(name).gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
