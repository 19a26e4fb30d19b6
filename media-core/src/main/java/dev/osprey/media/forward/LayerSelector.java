package dev.osprey.media.forward;

import dev.osprey.media.api.TrackSettings;

/**
 * Picks the simulcast layer one subscriber gets: the highest layer that fits the size the subscriber displays the
 * track at (LiveKit UpdateTrackSettings width/height), or without a size the highest of at most the requested
 * quality; among the layers the publisher is actually sending; then lower while the layer's measured bitrate exceeds
 * the subscriber's bandwidth share. A disabled track gets no layer (-1). When no layer is being sent yet the choice
 * is made on size alone, so the first key frame request goes to the right layer.
 */
final class LayerSelector {
    private LayerSelector() {
    }

    /**
     * @param layers         the track's receivers, lowest layer first
     * @param shareBps       bandwidth this stream may use ({@link Long#MAX_VALUE}: unlimited)
     * @param inactiveNanos  a layer silent for longer is considered paused by the publisher
     */
    static int select(TrackReceiver[] layers, TrackSettings settings, long shareBps, long nowNanos,
                      long inactiveNanos) {
        if (settings.disabled() || layers.length == 0) {
            return -1;
        }
        int wanted = wanted(layers, settings);
        boolean anyActive = false;
        for (TrackReceiver r : layers) {
            anyActive |= r.isActive(nowNanos, inactiveNanos);
        }
        if (!anyActive) {
            return wanted;
        }
        int chosen = -1;
        for (int i = wanted; i >= 0 && chosen < 0; i--) {
            if (layers[i].isActive(nowNanos, inactiveNanos)) {
                chosen = i;
            }
        }
        for (int i = wanted + 1; i < layers.length && chosen < 0; i++) {
            if (layers[i].isActive(nowNanos, inactiveNanos)) {
                chosen = i; // only larger layers are being sent: better too large than nothing
            }
        }
        while (chosen > 0 && layers[chosen].bitrateBps() > shareBps && hasActiveBelow(layers, chosen, nowNanos, inactiveNanos)) {
            chosen = nextActiveBelow(layers, chosen, nowNanos, inactiveNanos);
        }
        return chosen;
    }

    /** The layer the settings ask for, regardless of what is being sent. */
    static int wanted(TrackReceiver[] layers, TrackSettings settings) {
        if (!settings.hasDimensions()) {
            for (int i = layers.length - 1; i > 0; i--) {
                if (layers[i].quality().compareTo(settings.maxQuality()) <= 0) {
                    return i;
                }
            }
            return 0;
        }
        for (int i = layers.length - 1; i > 0; i--) {
            if (fits(layers[i], settings)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean fits(TrackReceiver layer, TrackSettings settings) {
        int w = layer.encoding().maxWidth();
        int h = layer.encoding().maxHeight();
        if (w == 0 && h == 0) {
            return layer.quality().compareTo(settings.maxQuality()) <= 0; // size unknown: fall back to quality
        }
        return (settings.maxWidth() == 0 || w <= settings.maxWidth())
                && (settings.maxHeight() == 0 || h <= settings.maxHeight());
    }

    private static boolean hasActiveBelow(TrackReceiver[] layers, int from, long now, long inactiveNanos) {
        return nextActiveBelow(layers, from, now, inactiveNanos) >= 0;
    }

    private static int nextActiveBelow(TrackReceiver[] layers, int from, long now, long inactiveNanos) {
        for (int i = from - 1; i >= 0; i--) {
            if (layers[i].isActive(now, inactiveNanos)) {
                return i;
            }
        }
        return -1;
    }
}
