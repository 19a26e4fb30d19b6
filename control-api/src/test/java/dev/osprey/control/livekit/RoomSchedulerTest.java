package dev.osprey.control.livekit;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.auth.AuthState;
import dev.osprey.control.db.Database;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.RoomSettings;
import dev.osprey.control.db.Store;
import dev.osprey.control.db.User;
import dev.osprey.control.room.MediaRooms;
import dev.osprey.control.support.FakeRoomService;
import dev.osprey.control.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoomSchedulerTest {

    @TempDir
    Path dir;
    Database db;
    Store store;
    final FakeRoomService rooms = new FakeRoomService();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    RoomScheduler scheduler;

    @BeforeEach
    void open() {
        db = Database.open(ControlApiConfig.Database.sqlite(dir.resolve("s.db")));
        store = Store.over(db);
        long now = clock.millis();
        store.users().insert(new User("u1", "u1@example.com", "U One", "local", "", null, null, List.of("user"), true,
                null, null, null, now, now));
        scheduler = new RoomScheduler(store, new MediaRooms(rooms), new AuthState(store.blockedTokens(),
                store.users(), clock), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Room room(String name, boolean persistent) {
        long now = clock.millis();
        Room r = new Room(UUID.randomUUID().toString(), name, "u1", "u1", true, true, false, false, 0, "standard",
                new RoomSettings(true, true, true, false, false, persistent, true), now, now,
                now + Duration.ofHours(24).toMillis(), now, null);
        store.rooms().insert(r);
        return r;
    }

    private boolean active(Room r) {
        return store.rooms().findById(r.id()).orElseThrow().active();
    }

    @Test
    void idleRoomsEndAfterTheGracePeriodUnlessOccupied() {
        Room empty = room("empty-room", false);
        Room busy = room("busy-room", false);
        Room kept = room("kept-room", true);
        rooms.connect("busy-room", "u1", "U One");
        assertThat(scheduler.runOnce()).isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(scheduler.runOnce()).isEqualTo(1);
        assertThat(active(empty)).isFalse();
        assertThat(active(busy)).isTrue();
        assertThat(active(kept)).isTrue();
    }

    @Test
    void expiredRoomsEndEvenWhenOccupied() {
        Room r = room("expiring-room", false);
        rooms.connect("expiring-room", "u1", "U One");
        store.participants().upsertActive(r.id(), "u1", false, clock.millis());
        clock.advance(Duration.ofHours(25));
        scheduler.runOnce();
        assertThat(active(r)).isFalse();
        assertThat(store.participants().countActive(r.id())).isZero();
    }

    @Test
    void oldGuestsAreDeleted() {
        long then = clock.millis();
        store.users().insert(new User("guest-abcdefgh", "guest-abcdefgh@bedrud.guest", "G", "guest", "", null, null,
                List.of("guest"), true, null, null, null, then, then));
        clock.advance(Duration.ofDays(8));
        scheduler.runOnce();
        assertThat(store.users().findById("guest-abcdefgh")).isEmpty();
        assertThat(store.users().findById("u1")).isPresent();
    }
}
