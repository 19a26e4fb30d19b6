package dev.osprey.media.audio;

import dev.osprey.media.ManualClock;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.SpeakerSettings;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.SfuFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerDetectionTest {
    private final SpeakerSettings settings = SpeakerSettings.DEFAULT;
    private final ManualClock clock = new ManualClock();

    /** Feeds {@code packets} packets of {@code dbov} over one window and evaluates. */
    private void window(AudioLevelMeter meter, int dbov, int packets) {
        for (int i = 0; i < packets; i++) {
            meter.add(dbov);
        }
        clock.advance(settings.windowNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        meter.evaluate(clock.nanos());
    }

    @Test
    void aSpeakerTurnsActiveWhenLoudAndInactiveOnlyAfterTheReleaseWindows() {
        AudioLevelMeter meter = new AudioLevelMeter(settings);
        meter.evaluate(clock.nanos());
        window(meter, 127, 15);
        assertThat(meter.active()).isFalse();
        window(meter, 20, 15); // 0.1 linear
        assertThat(meter.active()).isTrue();
        assertThat(meter.level()).isBetween(0.04f, 0.06f);
        // smoothing halves the level each quiet window: 0.025, 0.0125, 0.00625, then below the release level (0.005)
        // for three windows
        for (int quiet = 1; quiet <= 5; quiet++) {
            window(meter, 127, 15);
            assertThat(meter.active()).as("a pause of %d windows does not end it", quiet).isTrue();
        }
        window(meter, 127, 15);
        assertThat(meter.active()).isFalse();
        assertThat(meter.level()).isLessThan(0.005f);
    }

    @Test
    void levelsConvertFromMinusDbovToLinear() {
        assertThat(AudioLevelMeter.linear(0)).isEqualTo(1f);
        assertThat(AudioLevelMeter.linear(20)).isCloseTo(0.1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(AudioLevelMeter.linear(127)).isLessThan(1e-6f);
        assertThat(AudioLevelMeter.linear(300)).isEqualTo(AudioLevelMeter.linear(127));
    }

    @Test
    void theDetectorReportsOnlyChangesLoudestFirst() {
        SpeakerDetector detector = new SpeakerDetector(settings);
        ParticipantId a = new ParticipantId("PA_a");
        ParticipantId b = new ParticipantId("PA_b");
        AudioLevelMeter loud = new AudioLevelMeter(settings);
        AudioLevelMeter soft = new AudioLevelMeter(settings);
        loud.evaluate(clock.nanos());
        soft.evaluate(clock.nanos());
        window(loud, 10, 10);
        soft.add(30);
        soft.evaluate(clock.nanos());
        detector.observe(a, soft);
        detector.observe(b, loud);
        List<SpeakerInfo> first = detector.changes(clock.nanos());
        assertThat(first).extracting(SpeakerInfo::participant).containsExactly(b, a);
        assertThat(detector.due(clock.nanos())).isFalse();
        clock.advance(settings.windowNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        detector.observe(a, soft);
        detector.observe(b, loud);
        assertThat(detector.changes(clock.nanos())).as("nothing changed").isEmpty();
        detector.observe(b, loud);
        assertThat(detector.changes(clock.nanos())).as("a's track went away while speaking")
                .containsExactly(new SpeakerInfo(a, 0f, false));
    }

    @Test
    void theRoomReportsSpeakersFromTheAudioLevelExtension() {
        List<List<SpeakerInfo>> events = new ArrayList<>();
        RoomListener listener = new RoomListener() {
            @Override
            public void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
                events.add(changed);
            }
        };
        try (SfuFixture sfu = new SfuFixture(MediaCoreConfig.DEFAULT, listener)) {
            TrackInfo mic = sfu.publishMicrophone();
            int seq = 0;
            for (int ms = 0; ms < 1000; ms += 20) {
                sfu.audio(seq++, seq * 960, 15);
                sfu.clock.advanceMillis(20);
                if (ms % 100 == 0) {
                    sfu.tick();
                    sfu.rooms.sweep();
                }
            }
            assertThat(events).isNotEmpty();
            assertThat(events.get(0)).singleElement().satisfies(s -> {
                assertThat(s.participant()).isEqualTo(mic.publisher());
                assertThat(s.active()).isTrue();
            });
            for (int ms = 0; ms < 3000; ms += 20) {
                sfu.audio(seq++, seq * 960, 127);
                sfu.clock.advanceMillis(20);
                if (ms % 100 == 0) {
                    sfu.tick();
                    sfu.rooms.sweep();
                }
            }
            assertThat(events.get(events.size() - 1)).containsExactly(new SpeakerInfo(mic.publisher(), 0f, false));
        }
    }
}
