package dev.osprey.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Proves that a leaked buffer fails its test class, so a leak anywhere fails the build. */
class LeakGuardTest {

    @Test
    void leakedBufferIsReported() {
        LeakingFixture.leakOneBuffer();
        List<String> leaks = LeakRecorder.drain();
        assertThat(leaks).isNotEmpty();
        assertThat(leaks.get(0)).startsWith("LEAK: ").contains("release() was not called");
    }

    @Test
    void releasedBufferIsNotReported() {
        LeakRecorder.drain();
        LeakingFixture.allocateAndRelease();
        assertThat(LeakRecorder.drain()).isEmpty();
    }

    @Test
    void classThatLeaksFailsWithTheReport() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(LeakingFixture.class))
                .execute()
                .containerEvents()
                .failed()
                .list();

        assertThat(failures).hasSize(1);
        Optional<Throwable> cause = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        assertThat(cause).get().asString().contains("leaked 1 Netty buffer(s)").contains("LEAK: ByteBuf.release()");
    }
}
