package dev.osprey.media.api;

/**
 * A subscriber's wishes for one subscribed track (LiveKit UpdateTrackSettings, livekit-protocol.md §2.6): pause it, or
 * say how large it is shown so that the forwarder picks the simulcast layer that fits.
 *
 * @param disabled   forward nothing (the track is not visible)
 * @param maxWidth   displayed width in pixels; 0 with {@code maxHeight} 0 means "no limit"
 * @param maxHeight  displayed height in pixels
 * @param maxQuality highest layer wanted when no dimensions are given (LiveKit's deprecated {@code quality})
 */
public record TrackSettings(boolean disabled, int maxWidth, int maxHeight, LayerQuality maxQuality) {
    /** Enabled, highest layer. */
    public static final TrackSettings DEFAULT = new TrackSettings(false, 0, 0, LayerQuality.HIGH);

    public TrackSettings {
        if (maxWidth < 0 || maxHeight < 0) {
            throw new IllegalArgumentException("negative dimensions");
        }
        if (maxQuality == null) {
            maxQuality = LayerQuality.HIGH;
        }
    }

    public boolean hasDimensions() {
        return maxWidth > 0 || maxHeight > 0;
    }
}
