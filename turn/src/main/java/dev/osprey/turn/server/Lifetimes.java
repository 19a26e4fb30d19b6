package dev.osprey.turn.server;

import dev.osprey.stun.StunMessage;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.turn.api.TurnConfig;

/**
 * The lifetime the server grants (RFC 8656 §7.2, §8): the client's LIFETIME clamped to the server's maximum; absent
 * or shorter than the default it becomes the default of 600 seconds.
 */
final class Lifetimes {
    private Lifetimes() {
    }

    static long granted(StunMessage request, TurnConfig config) {
        long defaultSeconds = TurnConfig.DEFAULT_LIFETIME.toSeconds();
        long requested = request.attribute(Lifetime.class).map(Lifetime::seconds).orElse(defaultSeconds);
        return Math.clamp(requested, defaultSeconds, config.maxLifetime().toSeconds());
    }
}
