package dev.osprey.control.jobs;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.db.Database;
import dev.osprey.control.db.Job;
import dev.osprey.control.db.Store;
import dev.osprey.control.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job queue over SQLite with a hand-driven clock: ordering, retries with back-off, giving up, crash recovery. */
class JobQueueTest {

    @TempDir
    Path dir;
    Database db;
    Store store;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    final List<String> ran = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void open() {
        db = Database.open(ControlApiConfig.Database.sqlite(dir.resolve("jobs.db")));
        store = Store.over(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    JobQueue queue() {
        return new JobQueue(store.jobs(), Map.of("work", payload -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("transport down");
            }
            ran.add(payload);
        }), clock, new SimpleMeterRegistry());
    }

    @Test
    void jobsRunOnceInOrderAndDropTheirPayload() {
        JobQueue q = queue();
        String first = q.enqueue("work", "{\"n\":1}");
        clock.advance(Duration.ofMillis(1));
        q.enqueue("work", "{\"n\":2}");
        assertThat(q.runOnce()).isTrue();
        assertThat(q.runOnce()).isTrue();
        assertThat(q.runOnce()).isFalse();
        assertThat(ran).containsExactly("{\"n\":1}", "{\"n\":2}");
        Job done = store.jobs().findById(first).orElseThrow();
        assertThat(done.status()).isEqualTo(Job.Status.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.payload()).isEqualTo("{}");
        assertThatThrownBy(() -> q.enqueue("unknown", "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failuresAreRetriedWithBackOffThenGivenUp() {
        JobQueue q = queue();
        failuresLeft.set(10);
        String id = q.enqueue("work", "x");
        assertThat(q.runOnce()).isTrue();
        Job after1 = store.jobs().findById(id).orElseThrow();
        assertThat(after1.status()).isEqualTo(Job.Status.PENDING);
        assertThat(after1.lastError()).isEqualTo("transport down");
        assertThat(after1.runAt()).isEqualTo(clock.millis() + 5_000);
        assertThat(q.runOnce()).as("not due before its back-off").isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(q.runOnce()).isTrue();
        assertThat(store.jobs().findById(id).orElseThrow().runAt()).isEqualTo(clock.millis() + 10_000);
        clock.advance(Duration.ofSeconds(10));
        assertThat(q.runOnce()).isTrue();
        Job failed = store.jobs().findById(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(Job.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(JobQueue.MAX_ATTEMPTS);
        clock.advance(Duration.ofHours(1));
        assertThat(q.runOnce()).isFalse();
        assertThat(ran).isEmpty();
        assertThat(store.jobs().recentFailures(null, 10)).extracting(Job::id).containsExactly(id);
        assertThat(store.jobs().countSince(Job.Status.FAILED, "work", clock.millis() - 86_400_000)).isEqualTo(1);
    }

    @Test
    void aRetrySucceeds() {
        JobQueue q = queue();
        failuresLeft.set(1);
        String id = q.enqueue("work", "y");
        q.runOnce();
        clock.advance(Duration.ofSeconds(5));
        q.runOnce();
        assertThat(ran).containsExactly("y");
        Job done = store.jobs().findById(id).orElseThrow();
        assertThat(done.status()).isEqualTo(Job.Status.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.lastError()).isEmpty();
    }

    @Test
    void jobsAStoppedProcessHeldAreRequeuedAndTheWorkerWakesOnEnqueue() throws Exception {
        long now = clock.millis();
        store.jobs().insert(new Job("left-behind", "work", "old", Job.Status.ACTIVE, 1, 3, "", now, now, now));
        CountDownLatch both = new CountDownLatch(2);
        JobQueue q = new JobQueue(store.jobs(), Map.of("work", payload -> {
            ran.add(payload);
            both.countDown();
        }), clock, new SimpleMeterRegistry());
        q.start();
        try {
            q.enqueue("work", "new");
            assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactlyInAnyOrder("old", "new");
            assertThat(store.jobs().findById("left-behind").orElseThrow().attempts()).isEqualTo(2);
        } finally {
            q.close();
        }
    }

    @Test
    void finishedJobsArePrunedAfterAWeek() {
        JobQueue q = queue();
        q.enqueue("work", "z");
        q.runOnce();
        assertThat(store.jobs().pruneFinished(clock.millis() - Duration.ofDays(7).toMillis())).isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(store.jobs().pruneFinished(clock.millis() - Duration.ofDays(7).toMillis())).isEqualTo(1);
        assertThat(store.jobs().countAll()).isZero();
    }
}
