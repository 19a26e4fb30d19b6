package dev.osprey.signaling.webhook;

import com.sun.net.httpserver.HttpServer;
import io.livekit.server.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real deliveries (the JDK HTTP client on the notifier's threads) to an HTTP listener on loopback, checked with the
 * official {@code io.livekit.server.WebhookReceiver} as a backend would check them.
 */
class WebhookReceiverInteropTest {

    private record Received(String body, String authorization, String contentType, String userAgent) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer listener;
    private WebhookNotifier notifier;

    @BeforeEach
    void start() throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(new String(body, StandardCharsets.UTF_8), headers.getFirst("Authorization"),
                        headers.getFirst("Content-Type"), headers.getFirst("User-Agent")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        listener.start();
        URI url = URI.create("http://127.0.0.1:" + listener.getAddress().getPort() + "/hook");
        WebhookConfig defaults = WebhookConfig.of(List.of(url), "devkey", "secret");
        // retries after 10 ms so that the retry case stays quick; everything else as configured by default
        notifier = new WebhookNotifier(new WebhookConfig(defaults.urls(), "devkey", "secret", 200, 3,
                java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10), defaults.requestTimeout(),
                defaults.userAgent()), registry);
    }

    @AfterEach
    void stop() {
        notifier.close();
        listener.stop(0);
    }

    private Received next() throws InterruptedException {
        Received request = received.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("webhook request").isNotNull();
        return request;
    }

    private static LivekitModels.Room room() {
        return LivekitModels.Room.newBuilder().setSid("RM_abcdefghijkl").setName("standup").setEmptyTimeout(300)
                .setCreationTime(1_733_211_883L).setMetadata("{\"topic\":\"ü\"}").build();
    }

    private static LivekitModels.ParticipantInfo alice() {
        return LivekitModels.ParticipantInfo.newBuilder().setSid("PA_abcdefghijkl").setIdentity("alice")
                .setState(LivekitModels.ParticipantInfo.State.ACTIVE).setJoinedAt(1_733_211_900L).build();
    }

    @Test
    void everyEventValidatesWithTheOfficialReceiver() throws Exception {
        LivekitModels.TrackInfo track = LivekitModels.TrackInfo.newBuilder().setSid("TR_abcdefghijkl")
                .setType(LivekitModels.TrackType.AUDIO).build();
        List<WebhookEvent> sent = List.of(notifier.roomStarted(room()), notifier.participantJoined(room(), alice()),
                notifier.trackPublished(room(), alice(), track), notifier.trackUnpublished(room(), alice(), track),
                notifier.participantConnectionAborted(room(), alice()), notifier.participantLeft(room(), alice()),
                notifier.roomFinished(room()));
        WebhookReceiver receiver = new WebhookReceiver("devkey", "secret");
        for (WebhookEvent expected : sent) {
            Received request = next();
            assertThat(request.contentType()).isEqualTo("application/webhook+json");
            assertThat(request.userAgent()).isEqualTo("LiveKit");
            assertThat(request.authorization()).doesNotStartWith("Bearer ");
            // one room: the order of publication is the order of arrival
            assertThat(receiver.receive(request.body(), request.authorization())).isEqualTo(expected);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aTamperedBodyOrAnotherSecretFailsValidation() throws Exception {
        notifier.participantJoined(room(), alice());
        Received request = next();
        String tampered = request.body().replace("alice", "mallory");
        assertThatThrownBy(() -> new WebhookReceiver("devkey", "secret").receive(tampered, request.authorization()))
                .hasMessageContaining("sha256");
        // the same JSON re-encoded (pretty-printed, as a proxy might) no longer matches either
        String reencoded = request.body().replace(",", ", ");
        assertThatThrownBy(() -> new WebhookReceiver("devkey", "secret").receive(reencoded, request.authorization()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookReceiver("devkey", "other-secret").receive(request.body(),
                request.authorization())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new WebhookReceiver("otherkey", "secret").receive(request.body(),
                request.authorization())).isInstanceOf(RuntimeException.class);
        assertThat(new WebhookReceiver("devkey", "secret").receive(request.body(), request.authorization())
                .getParticipant().getIdentity()).isEqualTo("alice");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameBody() throws Exception {
        failFirst.set(2);
        WebhookEvent started = notifier.roomStarted(room());
        Received request = next();
        assertThat(new WebhookReceiver("devkey", "secret").receive(request.body(), request.authorization()))
                .isEqualTo(started);
        assertThat(failFirst.get()).as("two 503 answers before the 200").isEqualTo(-1);
        // the room's next event leaves only once the first has settled, so the counters are final here
        WebhookEvent finished = notifier.roomFinished(room());
        Received second = next();
        assertThat(new WebhookReceiver("devkey", "secret").receive(second.body(), second.authorization()))
                .isEqualTo(finished);
        assertThat(registry.get("osprey.signaling.webhooks.failed").counter().count()).isZero();
        assertThat(registry.get("osprey.signaling.webhooks.sent").counter().count()).isGreaterThanOrEqualTo(1);
    }
}
