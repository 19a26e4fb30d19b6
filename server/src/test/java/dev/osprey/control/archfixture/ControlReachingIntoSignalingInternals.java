package dev.osprey.control.archfixture;

import dev.osprey.signaling.SignalingServer;

/** Deliberately wrong: control-api using signaling outside its api package. Only {@code ModuleArrowsTest} uses it. */
public final class ControlReachingIntoSignalingInternals {
    public Class<?> wrong() {
        return SignalingServer.class;
    }
}
