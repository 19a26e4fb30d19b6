package dev.osprey.media.audio;

import dev.osprey.media.SpeakerSettings;
import dev.osprey.rtp.extension.AudioLevel;

/**
 * The loudness of one audio track from the RFC 6464 client-to-mixer audio level its packets carry. Each packet adds
 * its level (converted from -dBov to a linear amplitude, 1 = full scale) to the current window; at the end of each
 * window the mean is folded into an exponentially smoothed level, and the track turns active when the smoothed
 * level reaches {@code activateLevel} and inactive only after {@code releaseWindows} windows below
 * {@code releaseLevel}: the hysteresis that keeps pauses between words from flapping the speaker indicator.
 *
 * <p>{@link #add} and {@link #evaluate} run on the track's loop; {@link #level()} and {@link #active()} publish the
 * result to any thread (the room's speaker detector).
 */
public final class AudioLevelMeter {
    private static final float[] LINEAR = new float[AudioLevel.SILENCE + 1];

    static {
        for (int dbov = 0; dbov <= AudioLevel.SILENCE; dbov++) {
            LINEAR[dbov] = (float) Math.pow(10, -dbov / 20.0);
        }
    }

    private final SpeakerSettings settings;
    private long windowStartNanos;
    private boolean windowStarted;
    private double sum;
    private int count;
    private double smoothed;
    private boolean speaking;
    private int quietWindows;
    private volatile float level;
    private volatile boolean active;

    public AudioLevelMeter(SpeakerSettings settings) {
        this.settings = settings;
    }

    /** The linear amplitude of a level in -dBov (0 loudest, 127 silence). */
    public static float linear(int levelDbov) {
        return LINEAR[Math.max(0, Math.min(AudioLevel.SILENCE, levelDbov))];
    }

    /** One packet's level in -dBov; a packet without the extension is not counted. */
    public void add(int levelDbov) {
        sum += linear(levelDbov);
        count++;
    }

    /** Closes the window when it is over and updates the published level and activity. */
    public void evaluate(long nowNanos) {
        if (!windowStarted) {
            windowStarted = true;
            windowStartNanos = nowNanos;
            return;
        }
        if (nowNanos - windowStartNanos < settings.windowNanos()) {
            return;
        }
        double mean = count == 0 ? 0 : sum / count;
        smoothed += settings.smoothing() * (mean - smoothed);
        sum = 0;
        count = 0;
        windowStartNanos = nowNanos;
        if (smoothed >= settings.activateLevel()) {
            speaking = true;
            quietWindows = 0;
        } else if (speaking && smoothed < settings.releaseLevel() && ++quietWindows >= settings.releaseWindows()) {
            speaking = false;
            quietWindows = 0;
        } else if (smoothed >= settings.releaseLevel()) {
            quietWindows = 0;
        }
        level = (float) Math.min(1.0, smoothed);
        active = speaking;
    }

    /** Smoothed linear level, 0..1. */
    public float level() {
        return level;
    }

    /** Speaking, with hysteresis. */
    public boolean active() {
        return active;
    }
}
