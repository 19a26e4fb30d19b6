package dev.osprey.signaling.webhook;

import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery order, retries, backoff and drop accounting, with a transport answered by hand, a direct executor and a
 * manual timer: nothing sleeps.
 */
class WebhookDeliveryTest {

    private static final URI URL = URI.create("http://hooks.test/livekit");
    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final ManualScheduler scheduler = new ManualScheduler();

    private WebhookNotifier notifier(int maxQueued, int maxAttempts, Duration initial, Duration max, URI... urls) {
        WebhookConfig config = new WebhookConfig(List.of(urls.length == 0 ? new URI[] {URL} : urls), "devkey",
                "secret", maxQueued, maxAttempts, initial, max, Duration.ofSeconds(10), "LiveKit");
        return new WebhookNotifier(config, registry, transport, Runnable::run, scheduler,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static LivekitModels.Room room(String name) {
        return LivekitModels.Room.newBuilder().setSid("RM_" + name).setName(name).build();
    }

    private static LivekitModels.ParticipantInfo participant(String identity) {
        return LivekitModels.ParticipantInfo.newBuilder().setSid("PA_" + identity).setIdentity(identity).build();
    }

    private double count(String name) {
        return registry.get("osprey.signaling.webhooks." + name).counter().count();
    }

    @Test
    void eventsOfOneRoomStayInOrderUnderRetriesWhileOtherRoomsGoOn() {
        WebhookNotifier notifier = notifier(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));
        WebhookEvent a1 = notifier.roomStarted(room("a"));
        WebhookEvent a2 = notifier.participantJoined(room("a"), participant("alice"));
        WebhookEvent b1 = notifier.roomStarted(room("b"));
        // one delivery per room at a time: a1 and b1 are out, a2 waits behind a1
        assertThat(transport.ids()).containsExactly(a1.getId(), b1.getId());

        transport.posts.get(0).answer().complete(503);
        WebhookEvent b2 = notifier.roomFinished(room("b"));
        transport.posts.get(1).answer().complete(200);
        assertThat(transport.ids()).containsExactly(a1.getId(), b1.getId(), b2.getId());

        transport.last().answer().completeExceptionally(new IOException("connection refused"));
        scheduler.advance(Duration.ofMillis(999));
        assertThat(transport.posts).hasSize(3);
        scheduler.advance(Duration.ofMillis(1));
        // the retry of a1 and of b2 (failed at the same time), never a2 before a1 has gone
        assertThat(transport.ids()).containsExactly(a1.getId(), b1.getId(), b2.getId(), a1.getId(), b2.getId());
        assertThat(transport.posts.get(3).body()).isEqualTo(transport.posts.get(0).body());

        transport.posts.get(3).answer().complete(204);
        assertThat(transport.last().id()).isEqualTo(a2.getId());
        transport.posts.get(4).answer().complete(200);
        transport.last().answer().complete(200);
        assertThat(transport.ids()).containsExactly(a1.getId(), b1.getId(), b2.getId(), a1.getId(), b2.getId(),
                a2.getId());
        assertThat(count("sent")).isEqualTo(4);
        assertThat(count("failed")).isZero();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void backoffDoublesUpToTheCapAndAttemptsAreBounded() {
        WebhookNotifier notifier = notifier(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(4));
        notifier.roomStarted(room("a"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            transport.last().answer().complete(500);
            scheduler.advance(Duration.ofSeconds(4));
        }
        assertThat(transport.posts).hasSize(5);
        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(count("failed")).isEqualTo(1);

        // the event given up on is reported by the next one
        WebhookEvent next = notifier.roomFinished(room("a"));
        assertThat(transport.posts).hasSize(6);
        assertThat(transport.last().event().getNumDropped()).isEqualTo(1);
        assertThat(transport.last().id()).isEqualTo(next.getId());
    }

    @Test
    void refusalsAreFinalAndNotReportedAsDrops() {
        WebhookNotifier notifier = notifier(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));
        notifier.roomStarted(room("a"));
        transport.last().answer().complete(401);
        assertThat(scheduler.pending()).isZero();
        assertThat(count("failed")).isEqualTo(1);
        notifier.roomFinished(room("a"));
        assertThat(transport.posts).hasSize(2);
        assertThat(transport.last().event().getNumDropped()).isZero();
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedButNotImplementedIsNot() {
        assertThat(WebhookTarget.isRetryable(429)).isTrue();
        assertThat(WebhookTarget.isRetryable(502)).isTrue();
        assertThat(WebhookTarget.isRetryable(501)).isFalse();
        assertThat(WebhookTarget.isRetryable(404)).isFalse();
        assertThat(WebhookTarget.isRetryable(301)).isFalse();
    }

    @Test
    void aFullQueueDropsAndTheNextDeliveredEventCountsTheDrops() {
        WebhookNotifier notifier = notifier(2, 1, Duration.ZERO, Duration.ZERO);
        WebhookEvent first = notifier.roomStarted(room("a")); // in flight, so not waiting
        WebhookEvent second = notifier.participantJoined(room("a"), participant("p1"));
        WebhookEvent third = notifier.participantJoined(room("a"), participant("p2"));
        notifier.participantJoined(room("a"), participant("p3"));
        notifier.roomStarted(room("b"));
        assertThat(count("dropped")).isEqualTo(2);
        assertThat(transport.ids()).containsExactly(first.getId());
        assertThat(transport.last().event().getNumDropped()).isZero();

        transport.last().answer().complete(200);
        assertThat(transport.last().id()).isEqualTo(second.getId());
        assertThat(transport.last().event().getNumDropped()).isEqualTo(2);
        transport.last().answer().complete(200);
        assertThat(transport.last().id()).isEqualTo(third.getId());
        assertThat(transport.last().event().getNumDropped()).isZero();
        assertThat(new String(transport.last().body())).doesNotContain("numDropped");
        transport.last().answer().complete(200);
        assertThat(count("sent")).isEqualTo(3);
        // room b's event was dropped, not queued: a new one starts b's delivery afresh
        WebhookEvent again = notifier.roomStarted(room("b"));
        assertThat(transport.last().id()).isEqualTo(again.getId());
    }

    @Test
    void everyTargetGetsEveryEventIndependently() {
        URI second = URI.create("https://other.test/hook");
        WebhookNotifier notifier = notifier(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), URL, second);
        WebhookEvent started = notifier.roomStarted(room("a"));
        assertThat(transport.posts).extracting(ScriptedTransport.Post::url).containsExactly(URL, second);
        transport.posts.get(0).answer().complete(500); // a retry for the first target does not hold the second
        transport.posts.get(1).answer().complete(200);
        WebhookEvent finished = notifier.roomFinished(room("a"));
        assertThat(transport.last().url()).isEqualTo(second);
        assertThat(transport.last().id()).isEqualTo(finished.getId());
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(transport.last().url()).isEqualTo(URL);
        assertThat(transport.last().id()).isEqualTo(started.getId());
    }

    @Test
    void bodyIsLowerCamelProtojsonSignedWithItsHash() {
        WebhookNotifier notifier = notifier(10, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));
        WebhookEvent joined = notifier.participantJoined(
                room("a").toBuilder().setEmptyTimeout(300).setCreationTime(1_733_000_000L).build(),
                participant("alice").toBuilder().setState(LivekitModels.ParticipantInfo.State.ACTIVE).build());
        ScriptedTransport.Post post = transport.last();
        String body = new String(post.body());
        assertThat(body).startsWith("{\"event\":\"participant_joined\",\"room\":{\"sid\":\"RM_a\",\"name\":\"a\","
                + "\"emptyTimeout\":300,\"creationTime\":\"1733000000\"},");
        assertThat(body).contains("\"state\":\"ACTIVE\"", "\"id\":\"" + joined.getId() + "\"",
                "\"createdAt\":\"" + NOW.getEpochSecond() + "\"");
        assertThat(body).doesNotContain("numParticipants", " ");
        assertThat(post.authorization()).doesNotStartWith("Bearer");
        Claims claims = Jwts.parser().sig().clear().add(LiveKitHs256.INSTANCE).and()
                .verifyWith(LiveKitHs256.key("secret")).clock(() -> Date.from(NOW)).build()
                .parseSignedClaims(post.authorization()).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("devkey");
        assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plus(WebhookSigner.TOKEN_VALIDITY));
        assertThat(claims.get("sha256", String.class)).isEqualTo(WebhookSigner.sha256(post.body()));
    }

    @Test
    void eventsGetUniqueIdsAndTheClocksTime() {
        WebhookEvents events = new WebhookEvents(Clock.fixed(NOW, ZoneOffset.UTC));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            WebhookEvent event = events.roomStarted(room("a"));
            assertThat(event.getId()).matches("EV_[0-9A-Za-z]{12}");
            assertThat(event.getCreatedAt()).isEqualTo(NOW.getEpochSecond());
            ids.add(event.getId());
        }
        assertThat(ids).hasSize(1000);
        WebhookEvent preset = WebhookEvent.newBuilder().setEvent("room_started").setId("EV_given").setCreatedAt(7).build();
        assertThat(events.stamp(preset)).isSameAs(preset);
    }

    @Test
    void trackEventsCarryOnlyTheRoomsSidAndName() {
        WebhookEvents events = new WebhookEvents(Clock.fixed(NOW, ZoneOffset.UTC));
        LivekitModels.Room full = room("a").toBuilder().setMetadata("big").setNumParticipants(3).build();
        LivekitModels.TrackInfo track = LivekitModels.TrackInfo.newBuilder().setSid("TR_1").build();
        WebhookEvent published = events.trackPublished(full, participant("p"), track);
        assertThat(published.getRoom()).isEqualTo(room("a"));
        assertThat(published.getTrack()).isEqualTo(track);
        assertThat(events.trackUnpublished(full, participant("p"), track).getEvent()).isEqualTo("track_unpublished");
        assertThat(events.participantLeft(full, participant("p")).getRoom()).isEqualTo(full);
    }

    @Test
    void configRejectsWhatCannotBeDelivered() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookConfig.of(List.of(URI.create("ftp://x/")),
                "k", "s")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookConfig.of(List.of(URL), "", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookConfig.of(List.of(), "", "").urls()).isEmpty();
        assertThat(WebhookConfig.of(List.of(URL), "k", "s").backoffAfter(10)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anExecutorThatNoLongerTakesTasksDropsInsteadOfThrowingAtThePublisher() {
        WebhookConfig config = WebhookConfig.of(List.of(URL), "devkey", "secret");
        WebhookNotifier notifier = new WebhookNotifier(config, registry, transport, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
        notifier.roomStarted(room("a"));
        notifier.roomStarted(room("a"));
        assertThat(transport.posts).isEmpty();
        assertThat(count("dropped")).isEqualTo(2);
    }
}
