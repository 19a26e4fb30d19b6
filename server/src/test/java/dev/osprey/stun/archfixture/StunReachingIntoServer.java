package dev.osprey.stun.archfixture;

import dev.osprey.server.OspreyServer;

/** Deliberately wrong: a stun class that knows the server. Only {@code ModuleArrowsTest} looks at it. */
public final class StunReachingIntoServer {
    public Class<?> wrong() {
        return OspreyServer.class;
    }
}
