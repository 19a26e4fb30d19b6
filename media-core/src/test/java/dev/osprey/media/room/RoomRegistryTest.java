package dev.osprey.media.room;

import dev.osprey.media.ManualClock;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.SubscriptionListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomRegistryTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingListener events = new RecordingListener();
    private static final RoomName ROOM = new RoomName("standup");

    private RoomRegistry registry(boolean autoCreate, RoomSettings settings) {
        return new RoomRegistry(MediaCoreConfig.DEFAULT.withRooms(autoCreate, settings), events, clock, clock,
                new SplittableRandom(7), MediaLoopGroup.of(List.of(MediaLoop.manual(clock))),
                new SimpleMeterRegistry());
    }

    @Test
    void joinCreatesTheRoomWhenAutoCreateIsOn() {
        RoomRegistry rooms = registry(true, RoomSettings.DEFAULT);
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);

        RoomInfo room = rooms.find(ROOM).orElseThrow();
        assertThat(room.id().value()).matches("RM_[0-9A-Za-z]{12}");
        assertThat(room.numParticipants()).isEqualTo(1);
        assertThat(room.creationTimeMillis()).isEqualTo(clock.millis());
        assertThat(alice.info().id().value()).startsWith("PA_");
        assertThat(alice.info().state()).isEqualTo(ParticipantState.JOINING);
        assertThat(alice.room().id()).isEqualTo(room.id());
        assertThat(events.events).containsExactly("started standup", "joined alice");
        assertThat(rooms.list()).extracting(RoomInfo::name).containsExactly(ROOM);
        assertThat(rooms.session(ROOM, new ParticipantIdentity("alice"))).containsSame(alice);
    }

    @Test
    void joinFailsForAnUnknownRoomWhenAutoCreateIsOff() {
        RoomRegistry rooms = registry(false, RoomSettings.DEFAULT);
        assertThatThrownBy(() -> rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE))
                .isInstanceOfSatisfying(RoomException.class,
                        e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.ROOM_NOT_FOUND));
        RoomInfo created = rooms.create(ROOM, new RoomSettings(60, 10, 5), "meta");
        assertThat(rooms.create(ROOM, RoomSettings.DEFAULT, "other")).isEqualTo(created);
        rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        assertThat(rooms.find(ROOM).orElseThrow().settings().maxParticipants()).isEqualTo(5);
        assertThat(rooms.find(ROOM).orElseThrow().metadata()).isEqualTo("meta");
    }

    @Test
    void maxParticipantsIsEnforcedButAReplacedIdentityDoesNotCount() {
        RoomRegistry rooms = registry(true, new RoomSettings(300, 20, 2));
        ParticipantSession first = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        rooms.join(ROOM, JoinRequest.of("bob"), SubscriptionListener.NONE);
        assertThatThrownBy(() -> rooms.join(ROOM, JoinRequest.of("carol"), SubscriptionListener.NONE))
                .isInstanceOfSatisfying(RoomException.class,
                        e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.ROOM_FULL));

        ParticipantSession second = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isFalse();
        assertThat(second.info().id()).isNotEqualTo(first.info().id());
        assertThat(events.events).contains("left alice DUPLICATE_IDENTITY");
        assertThat(rooms.participants(ROOM)).hasSize(2);
    }

    @Test
    void emptyTimeoutClosesARoomNobodyJoined() {
        RoomRegistry rooms = registry(false, RoomSettings.DEFAULT);
        rooms.create(ROOM, new RoomSettings(30, 5, 0), "");
        clock.advance(29_999, TimeUnit.MILLISECONDS);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).isPresent();
        clock.advanceMillis(1);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).isEmpty();
        assertThat(events.events).containsExactly("started standup", "finished standup EMPTY_TIMEOUT");
    }

    @Test
    void departureTimeoutStartsWhenTheLastParticipantLeavesAndARejoinCancelsIt() {
        RoomRegistry rooms = registry(true, new RoomSettings(1, 20, 0));
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        clock.advance(1, TimeUnit.HOURS);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).as("occupied rooms never time out").isPresent();

        alice.leave(DisconnectReason.CLIENT_INITIATED);
        clock.advance(19, TimeUnit.SECONDS);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).as("the empty timeout no longer applies once someone joined").isPresent();

        ParticipantSession back = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        clock.advance(30, TimeUnit.SECONDS);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).isPresent();

        back.leave(DisconnectReason.CLIENT_INITIATED);
        clock.advance(20, TimeUnit.SECONDS);
        rooms.sweep();
        assertThat(rooms.find(ROOM)).isEmpty();
        assertThat(events.events).last().isEqualTo("finished standup DEPARTURE_TIMEOUT");
    }

    @Test
    void deleteMakesEveryParticipantLeaveAndAJoinAfterwardsGetsAFreshRoom() {
        RoomRegistry rooms = registry(true, RoomSettings.DEFAULT);
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        RoomInfo before = rooms.find(ROOM).orElseThrow();
        assertThat(rooms.delete(ROOM, RoomCloseReason.DELETED)).isTrue();
        assertThat(rooms.delete(ROOM, RoomCloseReason.DELETED)).isFalse();
        assertThat(alice.isClosed()).isTrue();
        assertThat(alice.info().state()).isEqualTo(ParticipantState.DISCONNECTED);
        assertThat(events.events).containsSubsequence("left alice ROOM_DELETED", "finished standup DELETED");

        rooms.join(ROOM, JoinRequest.of("bob"), SubscriptionListener.NONE);
        assertThat(rooms.find(ROOM).orElseThrow().id()).isNotEqualTo(before.id());
    }

    @Test
    void closeShutsEveryRoomDown() {
        RoomRegistry rooms = registry(true, RoomSettings.DEFAULT);
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        rooms.close();
        assertThat(alice.isClosed()).isTrue();
        assertThat(rooms.list()).isEmpty();
        assertThat(events.events).containsSubsequence("left alice SERVER_SHUTDOWN", "finished standup SERVER_SHUTDOWN");
    }

    @Test
    void roomMetadataUpdates() {
        RoomRegistry rooms = registry(true, RoomSettings.DEFAULT);
        assertThat(rooms.updateMetadata(ROOM, "x")).isEmpty();
        rooms.join(ROOM, JoinRequest.of("alice"), SubscriptionListener.NONE);
        assertThat(rooms.updateMetadata(ROOM, "topic").orElseThrow().metadata()).isEqualTo("topic");
        assertThat(events.events).last().isEqualTo("room updated standup topic");
    }
}
