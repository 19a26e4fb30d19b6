package dev.osprey.signaling.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitWebhook.WebhookEvent;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LiveKit's outgoing webhooks (livekit-protocol.md §7): every event is signed and POSTed to each configured URL, off
 * the event loops, in order per room, retried with exponential backoff, with bounded queues whose losses are
 * reported in {@code num_dropped}. {@link #publish} and the typed methods never block and may be called anywhere.
 */
public final class WebhookNotifier implements AutoCloseable {

    private static final int DELIVERY_THREADS = 2;

    private final WebhookEvents events;
    private final List<WebhookTarget> targets = new ArrayList<>();
    private final List<ExecutorService> owned = new ArrayList<>();
    private final HttpClientTransport ownedTransport;
    private volatile boolean closed;

    /** A notifier with its own two delivery threads, a retry timer and the JDK HTTP client. */
    public WebhookNotifier(WebhookConfig config, MeterRegistry registry) {
        ExecutorService delivery = Executors.newFixedThreadPool(DELIVERY_THREADS, daemon("osprey-webhook"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("osprey-webhook-retry"));
        owned.add(delivery);
        owned.add(timer);
        this.events = new WebhookEvents(Clock.systemUTC());
        WebhookScheduler scheduler = (delay, task) -> timer.schedule(() -> delivery.execute(task), delay.toMillis(),
                TimeUnit.MILLISECONDS);
        this.ownedTransport = new HttpClientTransport(delivery, config.requestTimeout(), config.userAgent());
        addTargets(config, ownedTransport, delivery, scheduler, Clock.systemUTC(), new WebhookMetrics(registry));
    }

    /** A notifier on injected parts: tests drive time through {@code scheduler} and {@code clock}. */
    public WebhookNotifier(WebhookConfig config, MeterRegistry registry, WebhookTransport transport, Executor executor,
                           WebhookScheduler scheduler, Clock clock) {
        this.events = new WebhookEvents(clock);
        this.ownedTransport = null;
        addTargets(config, transport, executor, scheduler, clock, new WebhookMetrics(registry));
    }

    private void addTargets(WebhookConfig config, WebhookTransport transport, Executor executor,
                            WebhookScheduler scheduler, Clock clock, WebhookMetrics metrics) {
        WebhookSigner signer = new WebhookSigner(config.apiKey(), config.apiSecret(), clock);
        for (URI url : config.urls()) {
            targets.add(new WebhookTarget(url, config, transport, executor, scheduler, signer, metrics));
        }
    }

    /** The event factory, with this notifier's clock. */
    public WebhookEvents events() {
        return events;
    }

    /**
     * Queues the event for every URL, with an {@code EV_} id and creation time set where missing.
     *
     * @return the event as it is sent (before any {@code num_dropped})
     */
    public WebhookEvent publish(WebhookEvent event) {
        WebhookEvent stamped = events.stamp(event);
        if (!closed) {
            for (WebhookTarget target : targets) {
                target.enqueue(stamped);
            }
        }
        return stamped;
    }

    public WebhookEvent roomStarted(Room room) {
        return publish(events.roomStarted(room));
    }

    public WebhookEvent roomFinished(Room room) {
        return publish(events.roomFinished(room));
    }

    public WebhookEvent participantJoined(Room room, ParticipantInfo participant) {
        return publish(events.participantJoined(room, participant));
    }

    public WebhookEvent participantLeft(Room room, ParticipantInfo participant) {
        return publish(events.participantLeft(room, participant));
    }

    public WebhookEvent participantConnectionAborted(Room room, ParticipantInfo participant) {
        return publish(events.participantConnectionAborted(room, participant));
    }

    public WebhookEvent trackPublished(Room room, ParticipantInfo participant, TrackInfo track) {
        return publish(events.trackPublished(room, participant, track));
    }

    public WebhookEvent trackUnpublished(Room room, ParticipantInfo participant, TrackInfo track) {
        return publish(events.trackUnpublished(room, participant, track));
    }

    /**
     * Stops taking events; a notifier that made its own threads and HTTP client aborts the deliveries under way and
     * stops them. Events still queued are not sent (livekit-server's forced stop does the same).
     */
    @Override
    public void close() {
        closed = true;
        if (ownedTransport != null) {
            ownedTransport.close();
        }
        owned.forEach(ExecutorService::shutdownNow);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
