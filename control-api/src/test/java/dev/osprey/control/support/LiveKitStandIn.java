package dev.osprey.control.support;

import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.webhook.WebhookConfig;
import dev.osprey.signaling.webhook.WebhookNotifier;
import dev.osprey.signaling.webhook.WebhookTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A second, LiveKit-like server for external-mode tests, built from Osprey's own signaling module: the real
 * {@link SignalingServer} (Twirp RoomService with grant checks, {@code /rtc/validate} with token and room checks) over
 * an in-memory room state, and the real {@link WebhookNotifier}, which signs events with the API secret and POSTs them
 * like livekit-server. As LiveKit does, removing a participant sends {@code participant_left} and deleting a room
 * sends {@code participant_left} for everyone still in it, then {@code room_finished}.
 */
public final class LiveKitStandIn implements AutoCloseable {

    /** The room state behind the Twirp API (what "LiveKit" knows). */
    public final FakeRoomService state = new FakeRoomService();
    private final String apiKey;
    private final String apiSecret;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SignalingServer signaling;
    private final InetSocketAddress address;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> daemon(r, "standin-webhook"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "standin-webhook-retry"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Semaphore acknowledged = new Semaphore(0);
    private volatile WebhookNotifier webhooks;

    public LiveKitStandIn(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        signaling = new SignalingServer(new SignalingConfig("127.0.0.1", 0, Map.of(apiKey, apiSecret), false,
                SignalingConfig.DEFAULT_MAX_MESSAGE_BYTES), group, NioServerSocketChannel.class,
                new SimpleMeterRegistry(), state::hasRoom, new Notifying());
        try {
            address = signaling.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The HTTP base URL (Twirp, {@code /rtc/validate}); the WebSocket URL is the same with {@code ws://}. */
    public String url() {
        return "http://127.0.0.1:" + address.getPort();
    }

    /** Starts sending webhooks to {@code url}, signed with this server's key. */
    public void sendWebhooksTo(String url) {
        WebhookTransport transport = this::post;
        webhooks = new WebhookNotifier(new WebhookConfig(List.of(URI.create(url)), apiKey, apiSecret,
                WebhookConfig.DEFAULT_MAX_QUEUED, 3, Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofSeconds(10), WebhookConfig.DEFAULT_USER_AGENT), new SimpleMeterRegistry(), transport,
                delivery, (delay, task) -> retries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                Clock.systemUTC());
    }

    /** What livekit-server sends: the raw JWT as {@code Authorization}, the body as it was signed. */
    private CompletionStage<Integer> post(URI url, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/webhook+json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
            if (r.statusCode() / 100 == 2) {
                acknowledged.release();
            }
            return r.statusCode();
        });
    }

    /** Waits until {@code n} more webhook deliveries were answered 2xx. */
    public void awaitAcknowledged(int n) throws InterruptedException {
        if (!acknowledged.tryAcquire(n, 10, TimeUnit.SECONDS)) {
            throw new AssertionError("webhook deliveries not acknowledged within 10 s");
        }
    }

    /** A participant closes their tab: gone from the room, {@code participant_left} sent. */
    public void leave(String room, String identity) {
        LivekitModels.ParticipantInfo p = state.participantInfo(room, identity).orElseThrow();
        state.disconnect(room, identity);
        webhooks.participantLeft(state.room(room).orElseThrow(), p);
    }

    /** The room empties out and LiveKit closes it ({@code empty_timeout}): {@code room_finished} sent. */
    public void finish(String room) {
        LivekitModels.Room info = state.room(room).orElseThrow();
        state.deleteRoom(room);
        webhooks.roomFinished(info);
    }

    /** The room service behind Twirp: the in-memory state, plus LiveKit's webhooks for removals. */
    private final class Notifying implements RoomService {
        @Override
        public CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request) {
            return state.createRoom(request);
        }

        @Override
        public CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names) {
            return state.listRooms(names);
        }

        @Override
        public CompletionStage<Void> deleteRoom(String room) {
            var info = state.room(room);
            var people = state.listParticipants(room).toCompletableFuture().getNow(List.of());
            return state.deleteRoom(room).thenRun(() -> {
                if (webhooks != null && info.isPresent()) {
                    people.forEach(p -> webhooks.participantLeft(info.get(), p));
                    webhooks.roomFinished(info.get());
                }
            });
        }

        @Override
        public CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room) {
            return state.listParticipants(room);
        }

        @Override
        public CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity) {
            return state.getParticipant(room, identity);
        }

        @Override
        public CompletionStage<Void> removeParticipant(String room, String identity) {
            var info = state.room(room);
            var p = state.participantInfo(room, identity);
            return state.removeParticipant(room, identity).thenRun(() -> {
                if (webhooks != null && info.isPresent() && p.isPresent()) {
                    webhooks.participantLeft(info.get(), p.get());
                }
            });
        }

        @Override
        public CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity,
                                                                           String trackSid, boolean muted) {
            return state.mutePublishedTrack(room, identity, trackSid, muted);
        }

        @Override
        public CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(
                LivekitRoom.UpdateParticipantRequest request) {
            return state.updateParticipant(request);
        }

        @Override
        public CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request) {
            return state.updateSubscriptions(request);
        }

        @Override
        public CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request) {
            return state.sendData(request);
        }

        @Override
        public CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata) {
            return state.updateRoomMetadata(room, metadata);
        }
    }

    @Override
    public void close() {
        if (webhooks != null) {
            webhooks.close();
        }
        signaling.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        delivery.shutdownNow();
        retries.shutdownNow();
        http.shutdownNow();
    }
}
