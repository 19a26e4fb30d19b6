package dev.osprey.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Fails a Jupiter test class whose tests leaked a Netty buffer. Registered for every class through extension
 * auto-detection (enabled by the parent pom's surefire configuration); the failure names the class and carries
 * Netty's access records.
 */
public final class LeakGuardExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakRecorder.install();
        LeakRecorder.drain(); // leaks of earlier classes are theirs, not this one's
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = LeakRecorder.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " leaked " + leaks.size()
                    + " Netty buffer(s):\n" + String.join("\n", leaks));
        }
    }
}
