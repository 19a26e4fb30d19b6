package dev.osprey.media.audio;

import dev.osprey.media.SpeakerSettings;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.SpeakerInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the per-track {@link AudioLevelMeter}s of a room into LiveKit's speakers-changed updates (livekit-protocol.md
 * §2.8): only speakers whose activity flipped, or whose level moved by at least {@code minLevelChange} while active,
 * loudest first. A participant's level is that of its loudest audio track. Runs on the control path once per window;
 * the meters publish their values from the tracks' loops.
 */
public final class SpeakerDetector {
    private final SpeakerSettings settings;
    private final Map<ParticipantId, SpeakerInfo> reported = new HashMap<>();
    private final Map<ParticipantId, SpeakerInfo> current = new HashMap<>();
    private long nextRunNanos;
    private boolean ran;

    public SpeakerDetector(SpeakerSettings settings) {
        this.settings = settings;
    }

    /** Whether a window has passed since the last evaluation (so the caller collects levels now). */
    public boolean due(long nowNanos) {
        return !ran || nowNanos - nextRunNanos >= 0;
    }

    /** Adds one audio track's meter for {@code participant} to the evaluation being collected. */
    public void observe(ParticipantId participant, AudioLevelMeter meter) {
        SpeakerInfo track = new SpeakerInfo(participant, meter.level(), meter.active());
        current.merge(participant, track, (a, b) -> new SpeakerInfo(participant, Math.max(a.level(), b.level()),
                a.active() || b.active()));
    }

    /** Ends the evaluation: the speakers that changed since the last report, loudest first (possibly none). */
    public List<SpeakerInfo> changes(long nowNanos) {
        ran = true;
        nextRunNanos = nowNanos + settings.windowNanos();
        List<SpeakerInfo> changed = new ArrayList<>();
        Set<ParticipantId> gone = new HashSet<>(reported.keySet());
        for (SpeakerInfo now : current.values()) {
            gone.remove(now.participant());
            SpeakerInfo before = reported.get(now.participant());
            SpeakerInfo shown = now.active() ? now : new SpeakerInfo(now.participant(), 0f, false);
            boolean isChange = before == null ? now.active()
                    : before.active() != now.active()
                    || (now.active() && Math.abs(before.level() - now.level()) >= settings.minLevelChange());
            if (isChange) {
                changed.add(shown);
                reported.put(now.participant(), shown);
            }
        }
        for (ParticipantId p : gone) {
            SpeakerInfo before = reported.remove(p);
            if (before.active()) {
                changed.add(new SpeakerInfo(p, 0f, false)); // its track went away while it was speaking
            }
        }
        current.clear();
        changed.sort(Comparator.comparing(SpeakerInfo::level).reversed());
        return changed;
    }
}
