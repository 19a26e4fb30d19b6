package dev.osprey.signaling.webhook;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.rooms.TestRooms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which webhook a real room's events turn into, and when: driven through media-core's room registry, delivered by the
 * notifier to a transport that answers 200 at once, on the calling thread.
 */
class WebhookRoomListenerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T23:00:00Z");

    private final ScriptedTransport transport = new ScriptedTransport();
    private final WebhookNotifier notifier = new WebhookNotifier(
            WebhookConfig.of(List.of(URI.create("http://hooks.test/lk")), "devkey", "secret"),
            new SimpleMeterRegistry(), transport, Runnable::run, new ManualScheduler(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestRooms rooms = new TestRooms(new WebhookRoomListener(notifier));

    @AfterEach
    void close() {
        rooms.close();
        notifier.close();
    }

    /** The events delivered since the last call, every request answered 200 (which lets a room's next one go). */
    private List<WebhookEvent> delivered() {
        int seen = answered;
        boolean pending = true;
        while (pending) {
            pending = false;
            for (ScriptedTransport.Post post : transport.posts) {
                if (!post.answer().isDone()) {
                    post.answer().complete(200);
                    pending = true;
                }
            }
        }
        answered = transport.posts.size();
        return transport.posts.subList(seen, answered).stream().map(ScriptedTransport.Post::event).toList();
    }

    private int answered;

    private static List<String> names(List<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::getEvent).toList();
    }

    @Test
    void aParticipantJoinsOnlyOnceActiveAndATrackIsPublishedOnceNegotiated() {
        ParticipantSession alice = rooms.join("standup", "alice");
        WebhookEvent started = delivered().getFirst();
        assertThat(started.getEvent()).isEqualTo("room_started");
        assertThat(started.getRoom().getName()).isEqualTo("standup");
        assertThat(started.getId()).startsWith("EV_");
        assertThat(started.getCreatedAt()).isEqualTo(NOW.getEpochSecond());

        alice.advanceState(ParticipantState.JOINED);
        assertThat(delivered()).as("JOINING and JOINED are not joined yet").isEmpty();
        alice.advanceState(ParticipantState.ACTIVE);
        WebhookEvent joined = delivered().getFirst();
        assertThat(joined.getEvent()).isEqualTo("participant_joined");
        assertThat(joined.getParticipant().getState()).isEqualTo(LivekitModels.ParticipantInfo.State.ACTIVE);
        assertThat(joined.getParticipant().getIdentity()).isEqualTo("alice");
        assertThat(joined.getRoom().getNumParticipants()).isEqualTo(1);

        TrackInfo mic = TestRooms.publishMicrophone(alice);
        assertThat(delivered()).as("AddTrack alone").isEmpty();
        TestRooms.negotiateAudio(alice, mic, "0");
        WebhookEvent published = delivered().getFirst();
        assertThat(published.getEvent()).isEqualTo("track_published");
        assertThat(published.getTrack().getSid()).isEqualTo(mic.id().value());
        assertThat(published.getTrack().getMid()).isEqualTo("0");
        assertThat(published.getTrack().getMimeType()).isEqualTo("audio/opus");
        assertThat(published.getParticipant()).isEqualTo(LivekitModels.ParticipantInfo.newBuilder()
                .setSid(alice.info().id().value()).setIdentity("alice").build());
        assertThat(published.getRoom()).isEqualTo(LivekitModels.Room.newBuilder().setSid(started.getRoom().getSid())
                .setName("standup").build());
        alice.publisher().setMuted(mic.id(), true);
        assertThat(delivered()).as("a later update announces nothing again").isEmpty();

        TrackInfo cam = TestRooms.publishCamera(alice);
        alice.publisher().unpublish(cam.id());
        assertThat(delivered()).as("a track never negotiated is never announced").isEmpty();

        rooms.registry.delete(new RoomName("standup"), RoomCloseReason.DELETED);
        List<WebhookEvent> end = delivered();
        assertThat(names(end)).containsExactly("track_unpublished", "participant_left", "room_finished");
        assertThat(end.get(0).getTrack().getSid()).isEqualTo(mic.id().value());
        LivekitModels.ParticipantInfo left = end.get(1).getParticipant();
        assertThat(left.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.DISCONNECTED);
        assertThat(left.getDisconnectReason()).isEqualTo(LivekitModels.DisconnectReason.ROOM_DELETED);
        assertThat(end.get(2).getRoom().getNumParticipants()).isZero();
        assertThat(transport.ids()).doesNotHaveDuplicates();
    }

    @Test
    void aParticipantThatNeverGotActiveAbortsItsConnection() {
        rooms.join("standup", "alice").advanceState(ParticipantState.ACTIVE);
        ParticipantSession bob = rooms.join("standup", "bob");
        bob.advanceState(ParticipantState.JOINED);
        bob.leave(DisconnectReason.CONNECTION_TIMEOUT);
        rooms.join("standup", "carol").advanceState(ParticipantState.ACTIVE);
        rooms.registry.session(new RoomName("standup"), new dev.osprey.media.api.ParticipantIdentity("carol"))
                .orElseThrow().leave(DisconnectReason.CLIENT_INITIATED);
        List<WebhookEvent> events = delivered();
        assertThat(names(events)).containsExactly("room_started", "participant_joined",
                "participant_connection_aborted", "participant_joined", "participant_left");
        assertThat(events.get(2).getParticipant().getIdentity()).isEqualTo("bob");
        assertThat(events.get(2).getParticipant().getDisconnectReason())
                .isEqualTo(LivekitModels.DisconnectReason.CONNECTION_TIMEOUT);
        assertThat(events.get(4).getParticipant().getIdentity()).isEqualTo("carol");
    }

    @Test
    void aParticipantReplacedByItsOwnIdentityLeavesAndTheNewOneJoinsWhenActive() {
        rooms.join("standup", "alice").advanceState(ParticipantState.ACTIVE);
        delivered();
        rooms.join("standup", "alice").advanceState(ParticipantState.ACTIVE);
        List<WebhookEvent> events = delivered();
        assertThat(names(events)).containsExactly("participant_left", "participant_joined");
        assertThat(events.get(0).getParticipant().getDisconnectReason())
                .isEqualTo(LivekitModels.DisconnectReason.DUPLICATE_IDENTITY);
        assertThat(events.get(1).getParticipant().getSid()).isNotEqualTo(events.get(0).getParticipant().getSid());
    }

    @Test
    void listenerCallsNeverWaitForDelivery() {
        // nothing is answered: every room's first event stays in flight and the rest queue behind it
        for (int i = 0; i < 20; i++) {
            rooms.join("room" + i, "p").advanceState(ParticipantState.ACTIVE);
        }
        assertThat(transport.posts).hasSize(20);
        assertThat(transport.posts).allSatisfy(p -> assertThat(p.event().getEvent()).isEqualTo("room_started"));
        // once answered, each room's queued participant_joined follows its room_started
        assertThat(names(delivered())).hasSize(40).filteredOn("participant_joined"::equals).hasSize(20);
    }
}
