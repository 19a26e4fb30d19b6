package dev.osprey.media.data;

import dev.osprey.media.api.DataBufferLimits;
import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant's data path against real SCTP associations (the sctp module, both ends) linked in memory: which
 * channels Osprey opens, what reaches the listener with which reliability, which connection messages toward the
 * participant take, and what bounded buffering does to a receiver that stops reading.
 */
class ParticipantDataPathTest {
    private final Wire wire = new Wire();
    private final RecordingDataListener listener = new RecordingDataListener();
    private final List<ClientConnection> connections = new ArrayList<>();
    private int disconnects;
    private final ParticipantDataPath path = new ParticipantDataPath(MediaLoop.manual(wire::nanoTime), "room",
            "PA_alice", "alice", ParticipantPermission.DEFAULT, () -> disconnects++);

    ParticipantDataPathTest() {
        path.listen(listener);
    }

    @AfterEach
    void tearDown() {
        path.close();
        connections.forEach(ClientConnection::close);
    }

    private ClientConnection connect(PeerConnectionRole role) {
        ClientConnection c = new ClientConnection(wire, path.peer(role), connections.size() + 1);
        connections.add(c);
        return c.connect();
    }

    /** The publisher connection as livekit-client sets it up: it opens _reliable and _lossy itself. */
    private ClientConnection publisherWithClientChannels() {
        ClientConnection pub = connect(PeerConnectionRole.PUBLISHER);
        pub.open("_reliable", ChannelOptions.RELIABLE);
        pub.open("_lossy", ChannelOptions.LOSSY);
        return pub;
    }

    private static ByteBuf text(String s) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer();
        b.writeCharSequence(s, StandardCharsets.UTF_8);
        return b;
    }

    private static List<String> texts(ClientConnection c, String label) {
        return c.received.stream().filter(r -> r.label().equals(label))
                .map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void theSubscriberConnectionGetsReliableAndLossyChannelsOpenedInBandOnceItsAssociationIsUp() {
        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);

        assertThat(sub.channels).containsOnlyKeys("_reliable", "_lossy");
        ChannelOptions reliable = sub.channels.get("_reliable").options();
        ChannelOptions lossy = sub.channels.get("_lossy").options();
        assertThat(reliable.ordered()).isTrue();
        assertThat(reliable.maxRetransmits()).isEqualTo(-1);
        assertThat(reliable.maxPacketLifeTimeMillis()).isEqualTo(-1);
        assertThat(lossy.ordered()).isFalse();
        assertThat(lossy.maxRetransmits()).isZero();
        assertThat(path.peer(PeerConnectionRole.SUBSCRIBER).connected()).isTrue();
    }

    @Test
    void thePublisherConnectionGetsNoServerChannels() {
        ClientConnection pub = connect(PeerConnectionRole.PUBLISHER);

        assertThat(pub.channels).isEmpty();
        assertThat(pub.osprey.channels()).isEmpty();
    }

    @Test
    void messagesOnAnyChannelOfEitherConnectionReachTheListenerWithTheReliabilityOfTheChannelsOptions() {
        ClientConnection pub = publisherWithClientChannels();
        pub.open("timed", new ChannelOptions(true, -1, 500, "", 256));
        pub.open("unordered-reliable", new ChannelOptions(false, -1, -1, "", 256));
        pub.open("_reliable_looking", new ChannelOptions(true, 3, -1, "", 256));
        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);

        pub.sendFromClient("_reliable", "r".getBytes(StandardCharsets.UTF_8));
        pub.sendFromClient("_lossy", "l".getBytes(StandardCharsets.UTF_8));
        pub.sendFromClient("timed", "t".getBytes(StandardCharsets.UTF_8));
        pub.sendFromClient("unordered-reliable", "u".getBytes(StandardCharsets.UTF_8));
        pub.sendFromClient("_reliable_looking", "x".getBytes(StandardCharsets.UTF_8));
        sub.sendFromClient("_reliable", "s".getBytes(StandardCharsets.UTF_8));

        assertThat(listener.messages).containsExactly(
                new RecordingDataListener.Message("r", DataReliability.RELIABLE, "_reliable", 1),
                new RecordingDataListener.Message("l", DataReliability.LOSSY, "_lossy", 1),
                new RecordingDataListener.Message("t", DataReliability.LOSSY, "timed", 1),
                new RecordingDataListener.Message("u", DataReliability.RELIABLE, "unordered-reliable", 1),
                new RecordingDataListener.Message("x", DataReliability.LOSSY, "_reliable_looking", 1),
                new RecordingDataListener.Message("s", DataReliability.RELIABLE, "_reliable", 1));
        assertThat(path.messagesIn()).isEqualTo(6);
        assertThat(path.bytesIn()).isEqualTo(6);
    }

    @Test
    void towardTheParticipantTheSubscriberChannelsAreUsedWhileTheirAssociationIsUpElseThePublishers() {
        ClientConnection pub = publisherWithClientChannels();

        assertThat(path.send(text("via-pub"), DataReliability.RELIABLE)).isTrue();
        assertThat(path.send(text("lossy-via-pub"), DataReliability.LOSSY)).isTrue();
        wire.pump();
        assertThat(texts(pub, "_reliable")).containsExactly("via-pub");
        assertThat(texts(pub, "_lossy")).containsExactly("lossy-via-pub");

        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);
        path.send(text("via-sub"), DataReliability.RELIABLE);
        path.send(text("lossy-via-sub"), DataReliability.LOSSY);
        wire.pump();
        assertThat(texts(sub, "_reliable")).containsExactly("via-sub");
        assertThat(texts(sub, "_lossy")).containsExactly("lossy-via-sub");

        sub.client.association().abort("subscriber connection lost");
        wire.pump();
        assertThat(path.peer(PeerConnectionRole.SUBSCRIBER).connected()).isFalse();
        path.send(text("back-on-pub"), DataReliability.RELIABLE);
        wire.pump();
        assertThat(texts(pub, "_reliable")).containsExactly("via-pub", "back-on-pub");
        assertThat(path.messagesSent()).isEqualTo(5);
        assertThat(listener.drops).isEmpty();
    }

    @Test
    void reliableMessagesWaitForAChannelInOrderWhileLossyOnesAreDropped() {
        for (int i = 0; i < 3; i++) {
            assertThat(path.send(text("early-" + i), DataReliability.RELIABLE)).isTrue();
        }
        assertThat(path.send(text("lossy"), DataReliability.LOSSY)).isTrue();
        assertThat(listener.drops).containsExactly(
                new RecordingDataListener.Drop(DataReliability.LOSSY, DataDropReason.NO_CHANNEL, 5));
        assertThat(path.pendingReliableBytes()).isEqualTo(21);

        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);

        assertThat(texts(sub, "_reliable")).containsExactly("early-0", "early-1", "early-2");
        assertThat(path.pendingReliableBytes()).isZero();
    }

    @Test
    void aReceiverThatStopsReadingLosesLossyMessagesAndIsDisconnectedPastTheReliableQueueLimit() {
        path.limits(new DataBufferLimits(8 * 1024, 4 * 1024, 2 * 1024));
        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);
        sub.hold();
        byte[] kilobyte = new byte[1024];

        for (int i = 0; i < 5; i++) {
            assertThat(path.send(PooledByteBufAllocator.DEFAULT.buffer().writeBytes(kilobyte), DataReliability.LOSSY))
                    .isTrue();
        }
        assertThat(listener.dropped(DataDropReason.BUFFER_FULL)).isEqualTo(3);
        // 4 KiB go to SCTP (the in-flight limit), then 8 KiB wait in the queue: the 13th message is one too many
        for (int i = 0; i < 12; i++) {
            assertThat(path.send(PooledByteBufAllocator.DEFAULT.buffer().writeBytes(kilobyte),
                    DataReliability.RELIABLE)).isTrue();
        }
        assertThat(path.pendingReliableBytes()).isEqualTo(8 * 1024);
        assertThat(disconnects).isZero();
        assertThat(path.send(PooledByteBufAllocator.DEFAULT.buffer().writeBytes(kilobyte), DataReliability.RELIABLE))
                .isFalse();
        assertThat(disconnects).isEqualTo(1);
        assertThat(listener.dropped(DataDropReason.OVERFLOW)).isEqualTo(1);
        assertThat(path.send(text("after"), DataReliability.RELIABLE)).isFalse();
        assertThat(path.send(text("after"), DataReliability.LOSSY)).isFalse();
        assertThat(disconnects).as("disconnected once").isEqualTo(1);
        assertThat(listener.dropped(DataDropReason.CLOSED)).isEqualTo(2);

        path.close();
        assertThat(listener.dropped(DataDropReason.CLOSED)).as("the 8 queued ones released").isEqualTo(10);
        assertThat(path.pendingReliableBytes()).isZero();
    }

    @Test
    void queuedReliableMessagesDrainAsTheReceiverAcknowledges() {
        path.limits(new DataBufferLimits(1 << 20, 4 * 1024, 2 * 1024));
        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);
        for (int i = 0; i < 100; i++) {
            path.send(text("m" + i + "-" + "x".repeat(1000)), DataReliability.RELIABLE);
        }
        assertThat(path.pendingReliableBytes()).isPositive();

        wire.advanceMillis(2_000);

        List<String> got = texts(sub, "_reliable");
        assertThat(got).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(got.get(i)).startsWith("m" + i + "-");
        }
        assertThat(path.pendingReliableBytes()).isZero();
        assertThat(listener.drops).isEmpty();
    }

    @Test
    void emptyMessagesTravelBothWays() {
        ClientConnection pub = publisherWithClientChannels();
        ByteBuf shared = PooledByteBufAllocator.DEFAULT.buffer(16);

        path.send(shared.retainedDuplicate(), DataReliability.RELIABLE);
        path.send(shared.retainedDuplicate(), DataReliability.LOSSY);
        shared.release();
        pub.sendFromClient("_reliable", new byte[0]);
        wire.pump();

        assertThat(pub.received).extracting(r -> r.data().length).containsExactly(0, 0);
        assertThat(listener.messages).extracting(RecordingDataListener.Message::length).containsExactly(0);
    }

    @Test
    void aMessageLargerThanTheClientsMaxMessageSizeIsDroppedAndTheNextOneStillGoes() {
        ClientConnection sub = connect(PeerConnectionRole.SUBSCRIBER);
        sub.osprey.setRemoteMaxMessageSize(1000);

        path.send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(2000), DataReliability.RELIABLE);
        path.send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(2000), DataReliability.LOSSY);
        path.send(text("fits"), DataReliability.RELIABLE);
        wire.pump();

        assertThat(listener.drops).containsExactlyInAnyOrder(
                new RecordingDataListener.Drop(DataReliability.RELIABLE, DataDropReason.TOO_LARGE, 2000),
                new RecordingDataListener.Drop(DataReliability.LOSSY, DataDropReason.TOO_LARGE, 2000));
        assertThat(texts(sub, "_reliable")).containsExactly("fits");
    }

    @Test
    void afterCloseNothingIsDeliveredOrSentAndEveryBufferIsReleased() {
        ClientConnection pub = publisherWithClientChannels();
        path.close();
        path.close();

        assertThat(path.send(text("late"), DataReliability.RELIABLE)).isFalse();
        pub.sendFromClient("_reliable", "ignored".getBytes(StandardCharsets.UTF_8));
        assertThat(listener.messages).isEmpty();
        assertThat(listener.closed.get()).isEqualTo(1);
        assertThat(listener.dropped(DataDropReason.CLOSED)).isEqualTo(1);

        RecordingDataListener late = new RecordingDataListener();
        path.listen(late);
        assertThat(late.closed.get()).as("a listener set after close hears it at once").isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsDoesNotStopDelivery() {
        ClientConnection pub = publisherWithClientChannels();
        List<String> seen = new ArrayList<>();
        path.listen((message, reliability, label) -> {
            seen.add(label);
            throw new IllegalStateException("listener bug");
        });

        pub.sendFromClient("_reliable", "a".getBytes(StandardCharsets.UTF_8));
        pub.sendFromClient("_lossy", "b".getBytes(StandardCharsets.UTF_8));

        assertThat(seen).containsExactly("_reliable", "_lossy");
    }

    @Test
    void channelsFromThePublisherAreFoundByLabelOnly() {
        ClientConnection pub = connect(PeerConnectionRole.PUBLISHER);
        DataChannel other = pub.open("chat", ChannelOptions.RELIABLE);

        path.send(text("queued"), DataReliability.RELIABLE);
        wire.pump();
        assertThat(pub.received).isEmpty();
        assertThat(other.state().name()).isEqualTo("OPEN");

        pub.open("_reliable", ChannelOptions.RELIABLE);
        assertThat(texts(pub, "_reliable")).containsExactly("queued");
    }
}
