package dev.osprey.media.room;

import dev.osprey.media.ManualClock;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTest {
    private static final RoomName ROOM = new RoomName("r");
    private final ManualClock clock = new ManualClock();
    private final RecordingListener events = new RecordingListener();
    private final RoomRegistry rooms = new RoomRegistry(MediaCoreConfig.DEFAULT.withRooms(true, RoomSettings.DEFAULT),
            events, clock, clock, new SplittableRandom(11), MediaLoopGroup.of(List.of(MediaLoop.manual(clock))),
                new SimpleMeterRegistry());

    private static TrackPublishRequest camera(String cid) {
        return TrackPublishRequest.video(cid, TrackSource.CAMERA, MimeType.VP8, 1280, 720, List.of(
                Encoding.ofRid("q", LayerQuality.LOW, 320, 180), Encoding.ofRid("h", LayerQuality.MEDIUM, 640, 360),
                Encoding.ofRid("f", LayerQuality.HIGH, 1280, 720)));
    }

    private static JoinRequest join(String identity, ParticipantPermission permission, boolean autoSubscribe) {
        return new JoinRequest(new ParticipantIdentity(identity), identity, "", Map.of(), permission, autoSubscribe);
    }

    @Test
    void publishingSubscribesEveryAutoSubscriberAndNewcomersSubscribeToExistingTracks() {
        RecordingListener bobSubs = new RecordingListener();
        RecordingListener carolSubs = new RecordingListener();
        RecordingListener daveSubs = new RecordingListener();
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        rooms.join(ROOM, JoinRequest.of("bob"), bobSubs);
        rooms.join(ROOM, join("dave", ParticipantPermission.DEFAULT, false), daveSubs);

        TrackInfo video = alice.publisher().publish(camera("cam"));
        TrackInfo audio = alice.publisher().publish(TrackPublishRequest.audio("mic", TrackSource.MICROPHONE));
        assertThat(video.id().value()).matches("TR_[0-9A-Za-z]{12}");
        assertThat(video.simulcast()).isTrue();
        assertThat(bobSubs.subscribed).extracting(SubscriptionInfo::track).containsExactly(video.id(), audio.id());
        assertThat(daveSubs.subscribed).as("auto_subscribe=false").isEmpty();

        rooms.join(ROOM, JoinRequest.of("carol"), carolSubs);
        assertThat(carolSubs.subscribed).extracting(SubscriptionInfo::track).containsExactly(video.id(), audio.id());
        SubscriptionInfo s = carolSubs.subscribed.get(0);
        assertThat(s.publisher()).isEqualTo(alice.info().id());
        assertThat(s.cname()).isEqualTo(alice.info().id().value());
        Set<Long> ssrcs = new HashSet<>();
        carolSubs.subscribed.forEach(x -> {
            ssrcs.add(x.ssrc());
            ssrcs.add(x.rtxSsrc());
        });
        assertThat(ssrcs).hasSize(4).doesNotContain(0L);
        assertThat(rooms.find(ROOM).orElseThrow().numPublishers()).isEqualTo(1);
    }

    @Test
    void explicitSubscriptionsAndTheirErrors() {
        RecordingListener daveSubs = new RecordingListener();
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        ParticipantSession dave = rooms.join(ROOM, join("dave", ParticipantPermission.DEFAULT, false), daveSubs);
        ParticipantSession viewer = rooms.join(ROOM,
                join("viewer", new ParticipantPermission(false, false, false, Set.of(), false, false), false),
                new RecordingListener());
        TrackInfo video = alice.publisher().publish(camera("cam"));

        SubscriptionInfo first = dave.subscriber().subscribe(video.id());
        assertThat(dave.subscriber().subscribe(video.id())).as("idempotent").isEqualTo(first);
        assertThat(daveSubs.subscribed).hasSize(1);
        assertThat(dave.subscriber().subscriptions()).containsExactly(first);
        assertThat(dave.subscriber().unsubscribe(video.id())).isTrue();
        assertThat(dave.subscriber().unsubscribe(video.id())).isFalse();
        assertThat(daveSubs.unsubscribed).containsExactly(video.id());

        assertThatThrownBy(() -> alice.subscriber().subscribe(video.id())).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.INVALID_REQUEST));
        assertThatThrownBy(() -> viewer.subscriber().subscribe(video.id())).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.PERMISSION_DENIED));
        assertThatThrownBy(() -> viewer.publisher().publish(camera("x"))).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.PERMISSION_DENIED));
        assertThatThrownBy(() -> alice.publisher().publish(camera("cam"))).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.INVALID_REQUEST));
    }

    @Test
    void unpublishAndLeaveEndTheSubscriptions() {
        RecordingListener bobSubs = new RecordingListener();
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        ParticipantSession bob = rooms.join(ROOM, JoinRequest.of("bob"), bobSubs);
        TrackInfo video = alice.publisher().publish(camera("cam"));
        TrackInfo audio = alice.publisher().publish(TrackPublishRequest.audio("mic", TrackSource.MICROPHONE));

        alice.publisher().unpublish(video.id());
        assertThat(bobSubs.unsubscribed).containsExactly(video.id());
        assertThat(bob.subscriber().subscriptions()).extracting(SubscriptionInfo::track).containsExactly(audio.id());
        assertThatThrownBy(() -> alice.publisher().unpublish(video.id())).isInstanceOf(RoomException.class);

        alice.leave(DisconnectReason.CLIENT_INITIATED);
        alice.leave(DisconnectReason.CLIENT_INITIATED);
        assertThat(bobSubs.unsubscribed).containsExactly(video.id(), audio.id());
        assertThat(bob.subscriber().subscriptions()).isEmpty();
        assertThat(events.events).containsSubsequence("unpublished alice VIDEO", "unpublished alice AUDIO",
                "left alice CLIENT_INITIATED");
        assertThat(events.events).filteredOn(e -> e.startsWith("left")).hasSize(1);
        assertThatThrownBy(() -> alice.publisher().publish(camera("again"))).isInstanceOfSatisfying(RoomException.class,
                e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.PARTICIPANT_NOT_FOUND));
    }

    @Test
    void muteEmitsAnEventOnlyOnChange() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        TrackInfo audio = alice.publisher().publish(TrackPublishRequest.audio("mic", TrackSource.MICROPHONE));
        assertThat(alice.publisher().setMuted(audio.id(), true).muted()).isTrue();
        alice.publisher().setMuted(audio.id(), true);
        assertThat(alice.publisher().setMuted(audio.id(), false).muted()).isFalse();
        assertThat(events.events).filteredOn(e -> e.startsWith("muted")).containsExactly("muted alice true", "muted alice false");
        assertThat(alice.info().tracks()).extracting(TrackInfo::muted).containsExactly(false);
    }

    @Test
    void statesOnlyMoveForwardAndVersionsStrictlyIncrease() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        rooms.join(ROOM, JoinRequest.of("bob"), new RecordingListener());
        alice.advanceState(ParticipantState.JOINED);
        alice.advanceState(ParticipantState.ACTIVE);
        alice.advanceState(ParticipantState.JOINED);
        alice.advanceState(ParticipantState.DISCONNECTED);
        assertThat(alice.info().state()).isEqualTo(ParticipantState.ACTIVE);
        TrackInfo audio = alice.publisher().publish(TrackPublishRequest.audio("mic", TrackSource.MICROPHONE));
        alice.publisher().setMuted(audio.id(), true);
        alice.updatePermission(new ParticipantPermission(true, true, true, Set.of(), false, true));
        alice.updateMetadata("Alice", "m", Map.of("k", "v"));
        alice.publisher().unpublish(audio.id());
        alice.leave(DisconnectReason.CLIENT_INITIATED);

        Map<String, Long> lastVersion = new HashMap<>();
        for (ParticipantInfo p : events.snapshots) {
            Long previous = lastVersion.put(p.id().value(), p.version());
            if (previous != null) {
                assertThat(p.version()).as("version of %s", p.identity()).isGreaterThan(previous);
            }
        }
        assertThat(events.snapshots).filteredOn(p -> p.identity().value().equals("alice")).hasSizeGreaterThan(7);
    }

    @Test
    void metadataNeedsThePermissionAndEmptyAttributeValuesDelete() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        assertThat(alice.updateMetadata("x", null, null)).isEmpty();
        alice.updatePermission(new ParticipantPermission(true, true, true, Set.of(), false, true));
        ParticipantInfo info = alice.updateMetadata("Alice", "meta", Map.of("a", "1", "b", "2")).orElseThrow();
        assertThat(info.name()).isEqualTo("Alice");
        assertThat(info.attributes()).containsEntry("a", "1").containsEntry("b", "2");
        info = alice.updateMetadata(null, null, Map.of("a", "")).orElseThrow();
        assertThat(info.attributes()).containsOnlyKeys("b");
        assertThat(info.name()).isEqualTo("Alice");
        assertThat(info.metadata()).isEqualTo("meta");
    }

    @Test
    void theServerChangesMetadataWithoutTheParticipantsPermission() {
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        ParticipantInfo info = alice.updateMetadataAsServer("Alice", "by admin", Map.of("role", "host")).orElseThrow();
        assertThat(info.metadata()).isEqualTo("by admin");
        assertThat(info.attributes()).containsEntry("role", "host");
        assertThat(info.permission().canUpdateMetadata()).as("the permission itself is untouched").isFalse();
        alice.leave(dev.osprey.media.api.DisconnectReason.CLIENT_INITIATED);
        assertThat(alice.updateMetadataAsServer("x", null, null)).isEmpty();
    }

    @Test
    void losingPermissionsEndsSubscriptionsAndUnpublishes() {
        RecordingListener bobSubs = new RecordingListener();
        ParticipantSession alice = rooms.join(ROOM, JoinRequest.of("alice"), new RecordingListener());
        ParticipantSession bob = rooms.join(ROOM, JoinRequest.of("bob"), bobSubs);
        TrackInfo video = alice.publisher().publish(camera("cam"));
        alice.publisher().publish(TrackPublishRequest.audio("mic", TrackSource.MICROPHONE));
        bob.publisher().publish(TrackPublishRequest.audio("bmic", TrackSource.MICROPHONE));

        alice.updatePermission(new ParticipantPermission(false, true, true, Set.of(TrackSource.CAMERA), false, false));
        assertThat(alice.subscriber().subscriptions()).isEmpty();
        assertThat(alice.publisher().tracks()).extracting(TrackInfo::id).containsExactly(video.id());
        assertThat(bob.subscriber().subscriptions()).extracting(SubscriptionInfo::track).containsExactly(video.id());
    }
}
