package dev.osprey.control.jobs;

import dev.osprey.control.db.Job;
import dev.osprey.control.db.JobRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bedrud's database-backed job queue (bedrud-api.md §5 {@code queue}): work is written to {@code jobs} and run by one
 * worker thread, which polls every {@value #POLL_MILLIS} ms and is woken at once by {@link #enqueue}. A failing job is
 * retried with exponential back-off up to {@value #MAX_ATTEMPTS} attempts, then marked failed (the admin queue view
 * shows why). Jobs a stopped process left claimed are re-queued at start; finished jobs older than a week are pruned.
 */
public final class JobQueue implements AutoCloseable {

    /** Runs one job; any exception counts as a failed attempt. */
    @FunctionalInterface
    public interface Handler {
        void run(String payload) throws Exception;
    }

    public static final int MAX_ATTEMPTS = 3;
    /** Pending + active jobs beyond which enqueueing is refused (a safety net against runaway producers). */
    public static final long MAX_DEPTH = 10_000;
    static final long POLL_MILLIS = 500;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

    private final JobRepository jobs;
    private final Map<String, Handler> handlers;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Counter done;
    private final Counter failed;
    private volatile boolean running;
    private Thread worker;
    private long lastPruneMillis;

    public JobQueue(JobRepository jobs, Map<String, Handler> handlers, Clock clock, MeterRegistry registry) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.handlers = Map.copyOf(handlers);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.done = Counter.builder("osprey.control.jobs").tag("outcome", "done")
                .description("Background jobs finished, by outcome").register(registry);
        this.failed = Counter.builder("osprey.control.jobs").tag("outcome", "failed")
                .description("Background jobs finished, by outcome").register(registry);
    }

    /** Stores a job of a registered type to run as soon as the worker gets to it. */
    public String enqueue(String type, String payload) {
        if (!handlers.containsKey(type)) {
            throw new IllegalArgumentException("no handler for job type " + type);
        }
        long depth = jobs.count(Job.Status.PENDING) + jobs.count(Job.Status.ACTIVE);
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("queue depth limit reached (" + depth + "/" + MAX_DEPTH + ")");
        }
        long now = clock.millis();
        String id = UUID.randomUUID().toString();
        jobs.insert(new Job(id, type, payload, Job.Status.PENDING, 0, MAX_ATTEMPTS, "", now, now, now));
        wake.release();
        return id;
    }

    /** Claims and runs the next due job; false when none is due. */
    public synchronized boolean runOnce() {
        long now = clock.millis();
        var claimed = jobs.claimNext(now);
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        Handler handler = handlers.get(job.type());
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for job type " + job.type());
            }
            handler.run(job.payload());
            jobs.complete(job.id(), clock.millis());
            done.increment();
        } catch (Exception e) {
            recordFailure(job, e);
        }
        return true;
    }

    private void recordFailure(Job job, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        long now = clock.millis();
        if (job.attempts() >= job.maxAttempts()) {
            LOG.warn("job failed for good: id={} type={} attempts={} error={}", job.id(), job.type(), job.attempts(),
                    error);
            jobs.fail(job.id(), error, null, now);
            failed.increment();
        } else {
            long backoff = FIRST_RETRY.toMillis() << Math.min(job.attempts() - 1, 10);
            LOG.info("job attempt failed, retrying: id={} type={} attempt={} error={}", job.id(), job.type(),
                    job.attempts(), error);
            jobs.fail(job.id(), error, now + backoff, now);
        }
    }

    /** Re-queues abandoned jobs and starts the worker thread. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        int requeued = jobs.requeueAbandoned(clock.millis());
        if (requeued > 0) {
            LOG.info("re-queued {} job(s) left active by a previous run", requeued);
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("osprey-control-jobs").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                while (running && runOnce()) {
                    // drain everything that is due before sleeping
                }
                pruneNowAndThen();
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("job worker pass failed", e);
                sleepQuietly();
            }
        }
    }

    private void pruneNowAndThen() {
        long now = clock.millis();
        if (now - lastPruneMillis >= Duration.ofHours(1).toMillis()) {
            lastPruneMillis = now;
            jobs.pruneFinished(now - RETENTION.toMillis());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = worker;
            worker = null;
        }
        if (t != null) {
            wake.release();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
