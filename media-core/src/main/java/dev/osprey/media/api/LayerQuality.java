package dev.osprey.media.api;

/**
 * Quality of a simulcast layer, lowest first; LiveKit's client names its rids {@code q}, {@code h}, {@code f} for
 * these three (livekit-protocol.md §4).
 */
public enum LayerQuality {
    LOW,
    MEDIUM,
    HIGH;

    /** LiveKit's default mapping of a rid to a quality when the publisher did not say: q, h, f; others HIGH. */
    public static LayerQuality fromDefaultRid(String rid) {
        return switch (rid) {
            case "q" -> LOW;
            case "h" -> MEDIUM;
            default -> HIGH;
        };
    }
}
