package dev.osprey.media.data;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.DataBufferLimits;
import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The data path as a room's participant has it: its permission, its leave, its disconnection on overflow. */
class ParticipantDataInRoomTest {
    private static final RoomName ROOM = new RoomName("data");
    private final Wire wire = new Wire();
    private final List<String> left = new ArrayList<>();
    private final List<ClientConnection> connections = new ArrayList<>();
    private final RoomRegistry rooms = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() {
        @Override
        public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
            left.add(participant.identity() + " " + reason);
        }
    }, Clock.systemUTC(), wire::nanoTime, new SplittableRandom(3),
            MediaLoopGroup.of(List.of(MediaLoop.manual(wire::nanoTime))), new SimpleMeterRegistry());

    @AfterEach
    void tearDown() {
        rooms.close();
        connections.forEach(ClientConnection::close);
    }

    private static ParticipantDataPath path(ParticipantSession session) {
        return (ParticipantDataPath) session.data();
    }

    @Test
    void reliableOverflowMakesTheParticipantLeaveWithMediaFailure() {
        ParticipantSession bob = rooms.join(ROOM, JoinRequest.of("bob"), SubscriptionListener.NONE);
        RecordingDataListener listener = new RecordingDataListener();
        bob.data().listen(listener);
        bob.data().limits(new DataBufferLimits(4096, 1024, 1024));

        for (int i = 0; i < 4; i++) {
            assertThat(bob.data().send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(1024),
                    DataReliability.RELIABLE)).isTrue();
        }
        assertThat(bob.isClosed()).isFalse();
        assertThat(bob.data().send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(1),
                DataReliability.RELIABLE)).isFalse();

        assertThat(bob.isClosed()).isTrue();
        assertThat(left).containsExactly("bob MEDIA_FAILURE");
        assertThat(listener.closed.get()).isPositive();
        assertThat(listener.dropped(DataDropReason.OVERFLOW)).isEqualTo(1);
        assertThat(listener.dropped(DataDropReason.CLOSED)).as("the queued four, released at leave").isEqualTo(4);
        assertThat(path(bob).pendingReliableBytes()).isZero();
    }

    @Test
    void leavingClosesTheDataPathAndItsQueue() {
        ParticipantSession bob = rooms.join(ROOM, JoinRequest.of("bob"), SubscriptionListener.NONE);
        RecordingDataListener listener = new RecordingDataListener();
        bob.data().listen(listener);
        bob.data().send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(10), DataReliability.RELIABLE);

        bob.leave(DisconnectReason.CLIENT_INITIATED);

        assertThat(path(bob).closed()).isTrue();
        assertThat(listener.closed.get()).isEqualTo(1);
        assertThat(listener.dropped(DataDropReason.CLOSED)).isEqualTo(1);
        assertThat(bob.data().send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(10), DataReliability.LOSSY))
                .isFalse();
    }

    @Test
    void thePermissionIsReadableWithoutTheRoomAndFollowsUpdates() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        assertThat(alice.data().permission().canPublishData()).isTrue();

        ParticipantPermission muted = new ParticipantPermission(true, true, false, Set.of(), false, false);
        alice.updatePermission(muted);

        assertThat(alice.data().permission()).isEqualTo(muted);
    }

    @Test
    void aParticipantsMessagesFromItsChannelsReachItsListener() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        RecordingDataListener listener = new RecordingDataListener();
        alice.data().listen(listener);
        ClientConnection pub = new ClientConnection(wire, path(alice).peer(PeerConnectionRole.PUBLISHER), 9);
        connections.add(pub);
        pub.connect().open("_reliable", dev.osprey.sctp.datachannel.ChannelOptions.RELIABLE);

        pub.sendFromClient("_reliable", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(listener.messages).extracting(RecordingDataListener.Message::text).containsExactly("hello");
    }
}
