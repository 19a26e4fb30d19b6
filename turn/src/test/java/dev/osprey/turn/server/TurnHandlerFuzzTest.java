package dev.osprey.turn.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunAttributeType;
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
import dev.osprey.stun.attribute.RequestedAddressFamily;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.ReservationToken;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.UnknownAttribute;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.allocation.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer targets for every handler. Each run starts a fresh in-memory server with one allocation (a permission and a
 * channel to 127.0.0.1:6000; for the RFC 6062 targets a TCP allocation with a pending peer connection), then sends
 * fuzzed input: raw frames, or requests of one method whose attributes the fuzzer chooses and which carry valid
 * credentials, so that the handler's own checks are reached. Whatever comes back must be one STUN message per request
 * with the request's transaction ID; nothing may throw or leak.
 */
class TurnHandlerFuzzTest {
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6000);

    @FuzzTest(maxDuration = "60s")
    void anyFrame(byte[] data) {
        try (Session session = new Session()) {
            session.turn.send(session.client, Unpooled.wrappedBuffer(data));
            session.drainResponses(null);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void allocate(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            session.requestFrom(session.turn.client(40001), StunMethod.ALLOCATE, input);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void refresh(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            session.requestFrom(session.client, StunMethod.REFRESH, input);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void createPermission(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            session.requestFrom(session.client, StunMethod.CREATE_PERMISSION, input);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void channelBind(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            session.requestFrom(session.client, StunMethod.CHANNEL_BIND, input);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void binding(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            session.requestFrom(session.client, StunMethod.BINDING, input);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sendIndication(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            StunMessage.Builder builder = StunMessage.builder(StunClass.INDICATION, StunMethod.SEND,
                    TransactionId.random());
            attributes(input).forEach(builder::add);
            session.turn.send(session.client, TurnHarness.encode(builder.build(), MessageProtection.NONE));
            assertThat(session.client.poll()).isNull();
            session.releaseRelayed();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void channelData(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            ByteBuf frame = Unpooled.buffer();
            frame.writeShort(input.consumeInt(0x4000, 0x4001));
            frame.writeShort(input.consumeInt(0, 0xFFFF));
            frame.writeBytes(input.consumeRemainingAsBytes());
            session.turn.send(session.client, frame);
            assertThat(session.client.poll()).isNull();
            session.releaseRelayed();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void peerData(FuzzedDataProvider input) {
        try (Session session = new Session()) {
            InetSocketAddress peer = input.consumeBoolean() ? PEER : address(input);
            session.turn.relay(0).writeInbound(new DatagramPacket(
                    Unpooled.wrappedBuffer(input.consumeRemainingAsBytes()),
                    session.client.allocation().relayAddress(), peer));
            for (ByteBuf out; (out = session.client.poll()) != null; ) {
                out.release();
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void connect(FuzzedDataProvider input) {
        try (TcpSession session = new TcpSession()) {
            List<StunAttribute> attributes = new ArrayList<>();
            if (input.consumeBoolean()) {
                int port = input.consumeBoolean() ? FakeTcpRelaySockets.REFUSING_PORT : input.consumeInt(1, 0xFFFF);
                attributes.add(new XorPeerAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            attributes.addAll(attributes(input));
            session.requestFrom(session.control, StunMethod.CONNECT, attributes);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void connectionBind(FuzzedDataProvider input) {
        try (TcpSession session = new TcpSession()) {
            List<StunAttribute> attributes = new ArrayList<>();
            if (input.consumeBoolean()) {
                attributes.add(new ConnectionId(input.consumeBoolean() ? session.pendingId
                        : input.consumeLong(0, 0xFFFF_FFFFL)));
            }
            attributes.addAll(attributes(input));
            FakeClient data = session.turn.client(40001,
                    input.consumeBoolean() ? TransportProtocol.TCP : TransportProtocol.UDP);
            session.requestFrom(data, StunMethod.CONNECTION_BIND, attributes);
            if (data.splicedTo != null) {
                assertThat(data.splicedTo).isSameAs(session.turn.tcpSockets.channels.get(1));
            }
        }
    }

    /** Attributes chosen by the fuzzer, valid enough to encode, not necessarily to be accepted. */
    static List<StunAttribute> attributes(FuzzedDataProvider input) {
        List<StunAttribute> attributes = new ArrayList<>();
        int count = input.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            attributes.add(switch (input.consumeInt(0, 10)) {
                case 0 -> new RequestedTransport(input.consumeInt(0, 255));
                case 1 -> new EvenPort(input.consumeBoolean());
                case 2 -> new ReservationToken(input.consumeLong());
                case 3 -> new Lifetime(input.consumeLong(0, 0xFFFFFFFFL));
                case 4 -> new RequestedAddressFamily(input.consumeInt(0, 255));
                case 5 -> DontFragment.INSTANCE;
                case 6 -> new ChannelNumber(input.consumeInt(0, 0xFFFF));
                case 7 -> new XorPeerAddress(input.consumeBoolean() ? PEER : address(input));
                case 8 -> new Data(input.consumeBytes(input.consumeInt(0, 64)));
                case 9 -> new RequestedTransport(RequestedTransport.UDP);
                default -> new UnknownAttribute(unregisteredType(input.consumeInt(0x0030, 0xFFFF)),
                        input.consumeBytes(input.consumeInt(0, 16)));
            });
        }
        return attributes;
    }

    /** {@code code} when no attribute class claims it, else an unassigned comprehension-required code. */
    private static StunAttributeType unregisteredType(int code) {
        StunAttributeType type = StunAttributeType.valueOf(code);
        return StunAttributeType.registered().contains(type) ? StunAttributeType.valueOf(0x0031) : type;
    }

    private static InetSocketAddress address(FuzzedDataProvider input) {
        byte[] ip = input.consumeBoolean() ? new byte[4] : new byte[16];
        byte[] chosen = input.consumeBytes(ip.length);
        System.arraycopy(chosen, 0, ip, 0, chosen.length);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), input.consumeInt(0, 0xFFFF));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh server with a TCP allocation on {@link #control} and one peer connection waiting for its bind. */
    private static final class TcpSession implements AutoCloseable {
        final TurnHarness turn = new TurnHarness();
        final FakeClient control = turn.client(40000, TransportProtocol.TCP);
        final long pendingId;

        TcpSession() {
            turn.request(control, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.TCP));
            StunMessage connected = turn.request(control, StunMethod.CONNECT, new XorPeerAddress(PEER));
            pendingId = connected.attribute(ConnectionId.class).orElseThrow().id();
            control.releaseAll();
        }

        void requestFrom(FakeClient from, StunMethod method, List<StunAttribute> attributes) {
            StunMessage request = turn.authenticated(from, method, TurnHarness.USER, attributes);
            from.releaseAll();
            turn.send(from, TurnHarness.encode(request, TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD)));
            StunMessage response = turn.nextMessage(from);
            assertThat(response).isNotNull();
            assertThat(response.transactionId()).isEqualTo(request.transactionId());
            assertThat(response.messageClass()).isIn(StunClass.SUCCESS_RESPONSE, StunClass.ERROR_RESPONSE);
            assertThat(from.poll()).isNull();
            from.releaseAll();
        }

        @Override
        public void close() {
            control.releaseAll();
            turn.close();
        }
    }

    /** A fresh server with one allocation on {@link #client}. */
    private static final class Session implements AutoCloseable {
        final TurnHarness turn = new TurnHarness();
        final FakeClient client = turn.client(40000);

        Session() {
            turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
            turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
            client.releaseAll();
        }

        void requestFrom(FakeClient from, StunMethod method, FuzzedDataProvider input) {
            StunMessage request = turn.authenticated(from, method, TurnHarness.USER, attributes(input));
            from.releaseAll(); // the 401 that taught the nonce, if this client had to ask
            turn.send(from, TurnHarness.encode(request, TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD)));
            StunMessage response = turn.nextMessage(from);
            if (response != null) {
                assertThat(response.transactionId()).isEqualTo(request.transactionId());
                assertThat(response.messageClass()).isIn(StunClass.SUCCESS_RESPONSE, StunClass.ERROR_RESPONSE);
            }
            assertThat(from.poll()).isNull();
            from.releaseAll();
        }

        void drainResponses(TransactionId expected) {
            for (ByteBuf out; (out = client.poll()) != null; ) {
                try {
                    StunMessage response = StunDecoder.decode(out);
                    if (expected != null) {
                        assertThat(response.transactionId()).isEqualTo(expected);
                    }
                } finally {
                    out.release();
                }
            }
            releaseRelayed();
        }

        void releaseRelayed() {
            client.endOfReadBatch();
            turn.relays.forEach(relay -> relay.releaseOutbound());
        }

        @Override
        public void close() {
            client.releaseAll();
            turn.close();
        }
    }
}
