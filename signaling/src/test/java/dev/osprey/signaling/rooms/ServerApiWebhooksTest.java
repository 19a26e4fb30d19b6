package dev.osprey.signaling.rooms;

import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.TrackInfo;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.WebhookReceiver;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A room's life through the server API and its participants, as a backend sees it in webhooks: real HTTP deliveries
 * to a listener, each checked with the official {@code io.livekit.server.WebhookReceiver}.
 */
class ServerApiWebhooksTest {

    private EmbeddedApiServer server;
    private RoomServiceClient client;
    private final WebhookReceiver receiver = new WebhookReceiver(EmbeddedApiServer.API_KEY,
            EmbeddedApiServer.API_SECRET);

    @BeforeEach
    void start() throws Exception {
        server = new EmbeddedApiServer();
        client = RoomServiceClient.createClient(server.baseUrl(), EmbeddedApiServer.API_KEY,
                EmbeddedApiServer.API_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookEvent next() throws InterruptedException {
        WebhookSink.Received request = server.hooks.next();
        assertThat(request.contentType()).isEqualTo("application/webhook+json");
        return receiver.receive(request.body(), request.authorization());
    }

    @Test
    void aRoomsLifeArrivesInOrderAndValidates() throws Exception {
        LivekitModels.Room room = client.createRoom("standup", 60, null, null, "agenda", null, null, null, null)
                .execute().body();
        ParticipantSession alice = server.rooms.join("standup", "alice");
        alice.advanceState(ParticipantState.JOINED);
        alice.advanceState(ParticipantState.ACTIVE);
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        TestRooms.negotiateAudio(alice, mic, "0");
        ParticipantSession bob = server.rooms.join("standup", "bob");
        assertThat(client.removeParticipant("standup", "bob").execute().code()).isEqualTo(200);
        assertThat(client.removeParticipant("standup", "alice").execute().code()).isEqualTo(200);
        assertThat(client.deleteRoom("standup").execute().code()).isEqualTo(200);
        assertThat(bob.isClosed()).isTrue();

        List<WebhookEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(next());
        }
        assertThat(events).extracting(WebhookEvent::getEvent).containsExactly("room_started", "participant_joined",
                "track_published", "participant_connection_aborted", "track_unpublished", "participant_left",
                "room_finished");
        assertThat(events.getFirst().getRoom()).isEqualTo(room);
        assertThat(events.get(1).getParticipant().getSid()).isEqualTo(alice.info().id().value());
        assertThat(events.get(2).getTrack().getSid()).isEqualTo(mic.id().value());
        assertThat(events.get(3).getParticipant().getDisconnectReason())
                .isEqualTo(LivekitModels.DisconnectReason.PARTICIPANT_REMOVED);
        assertThat(events.get(5).getParticipant().getIdentity()).isEqualTo("alice");
        assertThat(events.get(6).getRoom().getSid()).isEqualTo(room.getSid());
        assertThat(events).extracting(WebhookEvent::getId).allMatch(id -> id.startsWith("EV_")).doesNotHaveDuplicates();
    }

    @Test
    void aTamperedBodyFailsValidation() throws Exception {
        client.createRoom("standup", null, null, null, null, null, null, null, null).execute();
        WebhookSink.Received request = server.hooks.next();
        assertThat(receiver.receive(request.body(), request.authorization()).getEvent()).isEqualTo("room_started");
        String tampered = request.body().replace("standup", "takeover");
        assertThatThrownBy(() -> receiver.receive(tampered, request.authorization())).hasMessageContaining("sha256");
        assertThatThrownBy(() -> new WebhookReceiver(EmbeddedApiServer.API_KEY, "not-the-secret")
                .receive(request.body(), request.authorization())).isInstanceOf(RuntimeException.class);
    }
}
