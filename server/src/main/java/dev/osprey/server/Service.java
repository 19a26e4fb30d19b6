package dev.osprey.server;

import java.util.List;

/**
 * A part of the process that {@link OspreyServer} starts in order and closes in reverse order. Adapters in this
 * package wrap each module's own server class, so modules never see the process's wiring.
 */
interface Service extends AutoCloseable {

    String name();

    /** Binds and returns what now listens; throws if it cannot start (the process then stops cleanly). */
    List<Listener> start() throws Exception;

    /** Stops accepting, closes sessions; must return within a bounded time. */
    @Override
    void close();
}
