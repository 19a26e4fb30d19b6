package dev.osprey.signaling.rooms;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.Codec;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real media-core {@link RoomRegistry} without networking (participants join in-process), with a fixed wall clock
 * and every room event recorded and handed to the extra listeners given.
 */
public final class TestRooms implements AutoCloseable {

    public static final long START_MILLIS = 1_733_211_883_250L;
    public static final RoomSettings DEFAULTS = RoomSettings.DEFAULT;

    final AtomicLong nanos = new AtomicLong();
    public final RecordingRoomListener events = new RecordingRoomListener();
    public final RoomRegistry registry;

    public TestRooms(RoomListener... extra) {
        registry = new RoomRegistry(MediaCoreConfig.DEFAULT.withRooms(true, DEFAULTS), fanOut(events, extra),
                Clock.fixed(Instant.ofEpochMilli(START_MILLIS), ZoneOffset.UTC), nanos::get, new SecureRandom(),
                MediaLoopGroup.of(List.of(MediaLoop.manual(nanos::get))), new SimpleMeterRegistry());
    }

    public ParticipantSession join(String room, String identity) {
        return join(room, identity, ParticipantPermission.DEFAULT, true);
    }

    public ParticipantSession join(String room, String identity, ParticipantPermission permission,
                                   boolean autoSubscribe) {
        return registry.join(new RoomName(room), new JoinRequest(new ParticipantIdentity(identity), identity, "",
                Map.of(), permission, autoSubscribe), SubscriptionListener.NONE);
    }

    public static TrackInfo publishMicrophone(ParticipantSession session) {
        return session.publisher().publish(TrackPublishRequest.audio("mic-" + session.info().identity(),
                TrackSource.MICROPHONE));
    }

    public static TrackInfo publishCamera(ParticipantSession session) {
        return session.publisher().publish(TrackPublishRequest.video("cam-" + session.info().identity(),
                TrackSource.CAMERA, MimeType.VP8, 640, 360, List.of(Encoding.ofRid("q", LayerQuality.LOW, 320, 180),
                        Encoding.ofRid("f", LayerQuality.HIGH, 640, 360))));
    }

    /** Binds an audio track's media section as the session's SDP negotiation would. */
    public static TrackInfo negotiateAudio(ParticipantSession session, TrackInfo track, String mid) {
        return session.publisher().negotiated(track.id(), new RtpParameters(mid, MediaKind.AUDIO,
                List.of(Codec.of(MimeType.OPUS, 111, 48000, 2)), List.of(), List.of(Encoding.ofSsrc(0x1234, -1)),
                "cname", "stream", track.request().clientTrackId()));
    }

    @Override
    public void close() {
        registry.close();
    }

    /** Every event to each listener in turn, as the composition root's fan-out does. */
    public static RoomListener fanOut(RoomListener first, RoomListener... rest) {
        List<RoomListener> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return new RoomListener() {
            @Override
            public void roomStarted(RoomInfo room) {
                all.forEach(l -> l.roomStarted(room));
            }

            @Override
            public void roomFinished(RoomInfo room, RoomCloseReason reason) {
                all.forEach(l -> l.roomFinished(room, reason));
            }

            @Override
            public void participantJoined(RoomInfo room, ParticipantInfo participant) {
                all.forEach(l -> l.participantJoined(room, participant));
            }

            @Override
            public void participantUpdated(RoomInfo room, ParticipantInfo participant) {
                all.forEach(l -> l.participantUpdated(room, participant));
            }

            @Override
            public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
                all.forEach(l -> l.participantLeft(room, participant, reason));
            }

            @Override
            public void trackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
                all.forEach(l -> l.trackPublished(room, participant, track));
            }

            @Override
            public void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
                all.forEach(l -> l.trackUnpublished(room, participant, track));
            }

            @Override
            public void trackMuted(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
                all.forEach(l -> l.trackMuted(room, participant, track));
            }

            @Override
            public void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
                all.forEach(l -> l.speakersChanged(room, changed));
            }
        };
    }
}
