package dev.osprey.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.List;

/**
 * Installs the leak recorder before any test class is loaded, and is the last line of defence for engines that
 * Jupiter extensions do not reach (jqwik properties): a leak still pending when the session closes prints the
 * reports and halts the forked JVM with a non-zero status, which fails the Maven build.
 */
public final class LeakGuardSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<String> leaks = LeakRecorder.drain();
        if (!leaks.isEmpty()) {
            System.err.println("Netty leak guard: " + leaks.size() + " leaked buffer(s) at the end of the test run:");
            leaks.forEach(System.err::println);
            System.err.flush();
            Runtime.getRuntime().halt(86);
        }
    }
}
