package dev.osprey.signaling.webhook;

import java.time.Duration;

/** Runs a retry later; tests drive it by hand instead of sleeping. */
@FunctionalInterface
public interface WebhookScheduler {

    void schedule(Duration delay, Runnable task);
}
