package dev.osprey.media;

/**
 * Active speaker detection from the RFC 6464 audio level extension: levels are averaged over a window, smoothed
 * across windows, and a speaker turns active above {@code activateLevel} and inactive only after
 * {@code releaseWindows} windows below {@code releaseLevel} (hysteresis, so short pauses between words do not flap).
 *
 * @param windowNanos     length of one observation window
 * @param smoothing       weight of the newest window in the exponential smoothing, (0, 1]
 * @param activateLevel   linear level (0..1) at or above which a speaker becomes active
 * @param releaseLevel    linear level below which an active speaker starts to count release windows
 * @param releaseWindows  consecutive quiet windows before an active speaker becomes inactive
 * @param minLevelChange  smallest change of an active speaker's level reported as a change
 */
public record SpeakerSettings(long windowNanos, double smoothing, double activateLevel, double releaseLevel,
                              int releaseWindows, double minLevelChange) {
    /** 300 ms windows; active above -40 dBov (0.01), released below -46 dBov (0.005) for three windows. */
    public static final SpeakerSettings DEFAULT = new SpeakerSettings(300_000_000L, 0.5, 0.01, 0.005, 3, 0.05);

    public SpeakerSettings {
        if (windowNanos <= 0 || !(smoothing > 0 && smoothing <= 1) || !(releaseLevel >= 0)
                || !(activateLevel > releaseLevel && activateLevel <= 1) || releaseWindows < 1
                || !(minLevelChange >= 0)) {
            throw new IllegalArgumentException("invalid speaker detection settings");
        }
    }
}
