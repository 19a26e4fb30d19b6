package dev.osprey.media.loop;

/** Periodic work of an object owned by one event loop (RTCP reports, NACK collection, layer selection). */
@FunctionalInterface
public interface Tickable {
    /** Called on the owning loop every tick; must not block and should return quickly. */
    void onTick(long nowNanos);
}
