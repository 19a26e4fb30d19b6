package dev.osprey.control.support;

import dev.osprey.control.auth.EmailSender;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps every message so tests can follow verification and reset links. Messages arrive from the job worker, so
 * the lookups wait (bounded) for the message they expect. {@link #failWith} makes deliveries fail.
 */
public final class CapturingEmailSender implements EmailSender {

    public final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    /** Whether the sender reports a configured transport (the admin test e-mail refuses otherwise). */
    public volatile boolean configured = true;
    private final Object arrived = new Object();

    @Override
    public void send(Message message) {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        messages.add(message);
        synchronized (arrived) {
            arrived.notifyAll();
        }
    }

    @Override
    public boolean isConfigured() {
        return configured;
    }

    /** Deliveries throw {@code e} until cleared with {@code null}. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    /** The newest message matching {@code which}, waiting up to ten seconds for it. */
    public Optional<Message> await(Predicate<Message> which) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (arrived) {
            while (true) {
                for (int i = messages.size() - 1; i >= 0; i--) {
                    if (which.test(messages.get(i))) {
                        return Optional.of(messages.get(i));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrived, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** The token of the newest link of this kind sent to {@code to}. */
    public String lastToken(String kind, String to) {
        Message m = await(x -> x.kind().equals(kind) && x.to().equals(to) && x.link() != null)
                .orElseThrow(() -> new AssertionError("no " + kind + " mail to " + to));
        return java.net.URLDecoder.decode(m.link().substring(m.link().indexOf("token=") + 6),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
