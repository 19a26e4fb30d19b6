package dev.osprey.server.cli;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns SIGTERM and SIGINT into an orderly return from {@code run}, so that the process closes its sessions and
 * exits 0 rather than dying with 143 in the middle of a shutdown hook. A watchdog bounds the graceful shutdown:
 * past {@link #GRACE_MILLIS} the process halts with status 1.
 */
final class ShutdownSignal {
    static final long GRACE_MILLIS = 15_000;

    private final CountDownLatch received = new CountDownLatch(1);
    private final AtomicReference<String> name = new AtomicReference<>();

    private ShutdownSignal() {
    }

    static ShutdownSignal install() {
        ShutdownSignal s = new ShutdownSignal();
        for (String sig : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(sig), signal -> s.fire("SIG" + signal.getName()));
        }
        return s;
    }

    private void fire(String signal) {
        if (name.compareAndSet(null, signal)) {
            received.countDown();
        } else {
            Runtime.getRuntime().halt(1); // a second signal while shutting down: the operator insists
        }
    }

    String await() throws InterruptedException {
        received.await();
        return name.get();
    }

    void armWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
                System.err.println("osprey: graceful shutdown took longer than " + GRACE_MILLIS + " ms, halting");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "osprey-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
