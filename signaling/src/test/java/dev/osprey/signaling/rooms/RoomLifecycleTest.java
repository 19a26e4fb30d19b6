package dev.osprey.signaling.rooms;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.RoomException;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings CreateRoom gives a room govern its life in media-core, as in livekit-server: a room nobody joins closes
 * after {@code empty_timeout}, one whose last participant left after {@code departure_timeout}, and
 * {@code max_participants} refuses the next join. Time is driven by hand through the registry's sweep.
 */
class RoomLifecycleTest {

    private final TestRooms rooms = new TestRooms();
    private final EmbeddedRoomService service = new EmbeddedRoomService(rooms.registry,
            RoomServiceConfig.of(TestRooms.DEFAULTS), new RecordingDataSender(), Runnable::run);

    @AfterEach
    void close() {
        rooms.close();
    }

    private void advanceSeconds(long seconds) {
        rooms.nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        rooms.registry.sweep();
    }

    private List<String> roomNames() {
        return service.listRooms(List.of()).toCompletableFuture().join().stream().map(LivekitModels.Room::getName)
                .toList();
    }

    private void create(LivekitRoom.CreateRoomRequest.Builder request) {
        service.createRoom(request.build()).toCompletableFuture().join();
    }

    @Test
    void aRoomNobodyJoinsClosesAfterItsEmptyTimeout() {
        create(LivekitRoom.CreateRoomRequest.newBuilder().setName("empty").setEmptyTimeout(5));
        advanceSeconds(4);
        assertThat(roomNames()).containsExactly("empty");
        advanceSeconds(1);
        assertThat(roomNames()).isEmpty();
        assertThat(rooms.events.events()).containsExactly("started empty", "finished empty EMPTY_TIMEOUT");
    }

    @Test
    void aRoomClosesDepartureTimeoutAfterItsLastParticipantLeft() {
        create(LivekitRoom.CreateRoomRequest.newBuilder().setName("meeting").setEmptyTimeout(5).setDepartureTimeout(30));
        rooms.join("meeting", "alice");
        advanceSeconds(60);
        assertThat(roomNames()).as("occupied rooms never time out").containsExactly("meeting");
        service.removeParticipant("meeting", "alice").toCompletableFuture().join();
        advanceSeconds(29);
        assertThat(roomNames()).containsExactly("meeting");
        advanceSeconds(1);
        assertThat(roomNames()).isEmpty();
        assertThat(rooms.events.events()).containsExactly("started meeting",
                "left meeting alice " + DisconnectReason.PARTICIPANT_REMOVED, "finished meeting DEPARTURE_TIMEOUT");
    }

    @Test
    void maxParticipantsRefusesTheNextJoin() {
        create(LivekitRoom.CreateRoomRequest.newBuilder().setName("duo").setMaxParticipants(2));
        rooms.join("duo", "alice");
        rooms.join("duo", "bob");
        assertThatThrownBy(() -> rooms.join("duo", "carol")).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.ROOM_FULL));
        service.removeParticipant("duo", "bob").toCompletableFuture().join();
        assertThat(rooms.join("duo", "carol").isClosed()).isFalse();
    }
}
