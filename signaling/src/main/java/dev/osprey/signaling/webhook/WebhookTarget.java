package dev.osprey.signaling.webhook;

import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery to one webhook URL. Events are queued per room (LiveKit's per-resource queues): one event of a room is in
 * flight at a time, retries included, so a room's events arrive in order while other rooms go on in parallel. At
 * most {@code maxQueuedPerTarget} events wait; beyond that new ones are dropped. Dropped events, and events given
 * up after their last attempt, are reported in {@code num_dropped} of the next event sent, as LiveKit does.
 */
final class WebhookTarget {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTarget.class);

    private final URI url;
    private final WebhookConfig config;
    private final WebhookTransport transport;
    private final Executor executor;
    private final WebhookScheduler scheduler;
    private final WebhookSigner signer;
    private final WebhookMetrics metrics;
    private final Object lock = new Object();
    /** Rooms with a delivery under way, each with the events waiting behind it; guarded by {@link #lock}. */
    private final Map<String, ArrayDeque<WebhookEvent>> rooms = new HashMap<>();
    private int waiting;
    /** Events lost since the last one sent, to be reported in its successor's {@code num_dropped}. */
    private final AtomicInteger unreported = new AtomicInteger();

    WebhookTarget(URI url, WebhookConfig config, WebhookTransport transport, Executor executor,
                  WebhookScheduler scheduler, WebhookSigner signer, WebhookMetrics metrics) {
        this.url = url;
        this.config = config;
        this.transport = transport;
        this.executor = executor;
        this.scheduler = scheduler;
        this.signer = signer;
        this.metrics = metrics;
    }

    /** Queues the event; never blocks, so it may be called on an event loop. */
    void enqueue(WebhookEvent event) {
        String key = queueKey(event);
        boolean start;
        synchronized (lock) {
            if (waiting >= config.maxQueuedPerTarget()) {
                unreported.incrementAndGet();
                metrics.dropped.increment();
                LOG.info("webhook queue for {} full; dropped {} {}", url, event.getEvent(), event.getId());
                return;
            }
            ArrayDeque<WebhookEvent> queue = rooms.get(key);
            start = queue == null;
            if (start) {
                queue = new ArrayDeque<>();
                rooms.put(key, queue);
            }
            queue.add(event);
            waiting++;
        }
        if (start) {
            try {
                executor.execute(() -> sendNext(key));
            } catch (RejectedExecutionException closing) {
                // the notifier is closing: the event is lost like any other queued at close, not thrown at the caller
                int lost;
                synchronized (lock) {
                    lost = rooms.remove(key).size();
                    waiting -= lost;
                }
                metrics.dropped.increment(lost);
            }
        }
    }

    /** The ordering key: the room, or what else the event is about (LiveKit's {@code EventKey}). */
    static String queueKey(WebhookEvent event) {
        if (event.hasRoom() && !event.getRoom().getName().isEmpty()) {
            return "room:" + event.getRoom().getName();
        }
        if (event.hasParticipant()) {
            return "participant:" + event.getParticipant().getIdentity();
        }
        if (event.hasTrack()) {
            return "track:" + event.getTrack().getSid();
        }
        return "default";
    }

    private void sendNext(String key) {
        WebhookEvent event;
        synchronized (lock) {
            ArrayDeque<WebhookEvent> queue = rooms.get(key);
            event = queue.poll();
            if (event == null) {
                rooms.remove(key); // the room's delivery ends; its next event starts a new one
                return;
            }
            waiting--;
        }
        int reported = unreported.getAndSet(0);
        WebhookEvent out = reported == 0 ? event
                : event.toBuilder().setNumDropped(event.getNumDropped() + reported).build();
        // one body for every attempt, so that a receiver can tell a retry by its identical bytes and id
        attempt(key, out, WebhookSigner.body(out), reported, 1);
    }

    private void attempt(String key, WebhookEvent event, byte[] body, int reported, int attempt) {
        CompletionStage<Integer> answer;
        try {
            answer = transport.post(url, body, signer.authorization(body));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((status, failure) -> executor.execute(
                () -> settle(key, event, body, reported, attempt, status, failure)));
    }

    private void settle(String key, WebhookEvent event, byte[] body, int reported, int attempt, Integer status,
                        Throwable failure) {
        if (failure == null && status != null && status >= 200 && status < 300) {
            metrics.sent.increment();
            sendNext(key);
            return;
        }
        boolean retryable = failure != null || status == null || isRetryable(status);
        if (retryable && attempt < config.maxAttempts()) {
            scheduler.schedule(config.backoffAfter(attempt), () -> attempt(key, event, body, reported, attempt + 1));
            return;
        }
        metrics.failed.increment();
        if (retryable) {
            // never answered: it and the losses it was to report are reported by the next event instead
            unreported.addAndGet(reported + 1);
        }
        LOG.warn("webhook {} {} to {} failed after {} attempt(s): {}", event.getEvent(), event.getId(), url, attempt,
                failure != null ? failure.toString() : "HTTP " + status);
        sendNext(key);
    }

    /** go-retryablehttp's policy: 429 and 5xx except 501 are worth another try; other answers are final. */
    static boolean isRetryable(int status) {
        return status == 429 || status >= 500 && status != 501 || status < 100;
    }
}
