package dev.osprey.signaling.rooms;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomId;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import livekit.LivekitModels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LiveKitInfosTest {

    private static final ParticipantId ALICE = new ParticipantId("PA_alice0000001");
    private static final long JOINED_MS = 1_733_211_900_123L;

    static TrackInfo camera(String mid, MimeType mime, List<Encoding> layers) {
        TrackPublishRequest request = new TrackPublishRequest("cid-cam", "cam", MediaKind.VIDEO, TrackSource.CAMERA,
                mime, 1280, 720, false, layers, false, false, false, "");
        return new TrackInfo(new TrackId("TR_cam000000001"), ALICE, request, mime, mid, true);
    }

    static TrackInfo microphone(boolean stereo, boolean disableDtx, String stream) {
        TrackPublishRequest request = new TrackPublishRequest("cid-mic", "", MediaKind.AUDIO, TrackSource.MICROPHONE,
                MimeType.OPUS, 0, 0, false, List.of(), stereo, disableDtx, true, stream);
        return new TrackInfo(new TrackId("TR_mic000000001"), ALICE, request, MimeType.RED, "1", false);
    }

    private static ParticipantInfo alice(ParticipantState state, ParticipantPermission permission,
                                         List<TrackInfo> tracks) {
        return new ParticipantInfo(ALICE, new ParticipantIdentity("alice"), "Alice", "{\"role\":1}",
                Map.of("team", "blue", "seat", "3"), state, permission, 7, JOINED_MS, tracks);
    }

    private static final List<Encoding> SIMULCAST = List.of(
            new Encoding("f", 0xFFFF_FFFFL, 17, LayerQuality.HIGH, 1280, 720, 2_500_000),
            Encoding.ofRid("q", LayerQuality.LOW, 320, 180),
            Encoding.ofRid("h", LayerQuality.MEDIUM, 640, 360));

    @Test
    void roomCarriesSidNameTimeoutsLimitCreationTimeMetadataAndCounts() {
        RoomInfo info = new RoomInfo(new RoomId("RM_standup00001"), new RoomName("standup"),
                new RoomSettings(300, 20, 12), "agenda", 1_733_211_883_456L, 3, 1);
        LivekitModels.Room room = LiveKitInfos.room(info);
        assertThat(room.getSid()).isEqualTo("RM_standup00001");
        assertThat(room.getName()).isEqualTo("standup");
        assertThat(room.getEmptyTimeout()).isEqualTo(300);
        assertThat(room.getDepartureTimeout()).isEqualTo(20);
        assertThat(room.getMaxParticipants()).isEqualTo(12);
        assertThat(room.getCreationTime()).isEqualTo(1_733_211_883L);
        assertThat(room.getCreationTimeMs()).isEqualTo(1_733_211_883_456L);
        assertThat(room.getMetadata()).isEqualTo("agenda");
        assertThat(room.getNumParticipants()).isEqualTo(3);
        assertThat(room.getNumPublishers()).isEqualTo(1);
    }

    @Test
    void participantCarriesIdentityStateTimesVersionPermissionAndTracks() {
        ParticipantPermission permission = new ParticipantPermission(true, true, false,
                Set.of(TrackSource.SCREEN_SHARE, TrackSource.CAMERA), true, true);
        TrackInfo cam = camera("0", MimeType.VP8, SIMULCAST);
        LivekitModels.ParticipantInfo info = LiveKitInfos.participant(alice(ParticipantState.ACTIVE, permission,
                List.of(cam)));
        assertThat(info.getSid()).isEqualTo(ALICE.value());
        assertThat(info.getIdentity()).isEqualTo("alice");
        assertThat(info.getName()).isEqualTo("Alice");
        assertThat(info.getMetadata()).isEqualTo("{\"role\":1}");
        assertThat(info.getAttributesMap()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "blue", "seat", "3"));
        assertThat(info.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.ACTIVE);
        assertThat(info.getJoinedAt()).isEqualTo(1_733_211_900L);
        assertThat(info.getJoinedAtMs()).isEqualTo(JOINED_MS);
        assertThat(info.getVersion()).isEqualTo(7);
        assertThat(info.getIsPublisher()).isTrue();
        assertThat(info.getKind()).isEqualTo(LivekitModels.ParticipantInfo.Kind.STANDARD);
        assertThat(info.getDisconnectReason()).isEqualTo(LivekitModels.DisconnectReason.UNKNOWN_REASON);
        LivekitModels.ParticipantPermission wire = info.getPermission();
        assertThat(wire.getCanSubscribe()).isTrue();
        assertThat(wire.getCanPublish()).isTrue();
        assertThat(wire.getCanPublishData()).isFalse();
        assertThat(wire.getHidden()).isTrue();
        assertThat(wire.getCanUpdateMetadata()).isTrue();
        assertThat(wire.getCanPublishSourcesList()).containsExactly(LivekitModels.TrackSource.CAMERA,
                LivekitModels.TrackSource.SCREEN_SHARE);
        assertThat(info.getTracksList()).containsExactly(LiveKitInfos.track(cam));
    }

    @Test
    void aParticipantWithoutTracksIsNoPublisherAndALeftOneCarriesItsReason() {
        ParticipantInfo left = alice(ParticipantState.DISCONNECTED, ParticipantPermission.DEFAULT, List.of());
        assertThat(LiveKitInfos.participant(left).getIsPublisher()).isFalse();
        LivekitModels.ParticipantInfo info = LiveKitInfos.participant(left, DisconnectReason.PARTICIPANT_REMOVED);
        assertThat(info.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.DISCONNECTED);
        assertThat(info.getDisconnectReason()).isEqualTo(LivekitModels.DisconnectReason.PARTICIPANT_REMOVED);
        assertThat(info.getPermission().getCanPublishSourcesList()).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void simulcastVideoTrackListsLayersLowestFirstInTheTrackAndItsCodec() {
        LivekitModels.TrackInfo track = LiveKitInfos.track(camera("2", MimeType.VP8, SIMULCAST));
        assertThat(track.getSid()).isEqualTo("TR_cam000000001");
        assertThat(track.getType()).isEqualTo(LivekitModels.TrackType.VIDEO);
        assertThat(track.getName()).isEqualTo("cam");
        assertThat(track.getSource()).isEqualTo(LivekitModels.TrackSource.CAMERA);
        assertThat(track.getMimeType()).isEqualTo("video/VP8");
        assertThat(track.getMid()).isEqualTo("2");
        assertThat(track.getMuted()).isTrue();
        assertThat(track.getWidth()).isEqualTo(1280);
        assertThat(track.getHeight()).isEqualTo(720);
        assertThat(track.getSimulcast()).isTrue();
        assertThat(track.getStream()).isEqualTo("camera");
        assertThat(track.getLayersList()).extracting(LivekitModels.VideoLayer::getRid).containsExactly("q", "h", "f");
        assertThat(track.getLayersList()).extracting(LivekitModels.VideoLayer::getQuality).containsExactly(
                LivekitModels.VideoQuality.LOW, LivekitModels.VideoQuality.MEDIUM, LivekitModels.VideoQuality.HIGH);
        LivekitModels.VideoLayer high = track.getLayers(2);
        assertThat(high.getWidth()).isEqualTo(1280);
        assertThat(high.getHeight()).isEqualTo(720);
        assertThat(high.getBitrate()).isEqualTo(2_500_000);
        assertThat(Integer.toUnsignedLong(high.getSsrc())).isEqualTo(0xFFFF_FFFFL);
        assertThat(high.getRepairSsrc()).isEqualTo(17);
        assertThat(track.getLayers(0).getSsrc()).isZero();
        assertThat(track.getCodecsList()).singleElement().satisfies(codec -> {
            assertThat(codec.getMimeType()).isEqualTo("video/VP8");
            assertThat(codec.getMid()).isEqualTo("2");
            assertThat(codec.getCid()).isEqualTo("cid-cam");
            assertThat(codec.getLayersList()).isEqualTo(track.getLayersList());
            assertThat(codec.getVideoLayerMode()).isEqualTo(LivekitModels.VideoLayer.Mode.ONE_SPATIAL_LAYER_PER_STREAM);
        });
        assertThat(track.getAudioFeaturesList()).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void svcLayersAreNotSimulcast() {
        LivekitModels.TrackInfo track = LiveKitInfos.track(camera("", MimeType.VP9, SIMULCAST));
        assertThat(track.getSimulcast()).isFalse();
        assertThat(track.getMimeType()).isEqualTo("video/VP9");
        assertThat(track.getMid()).isEmpty();
        assertThat(track.getCodecs(0).getVideoLayerMode())
                .isEqualTo(LivekitModels.VideoLayer.Mode.MULTIPLE_SPATIAL_LAYERS_PER_STREAM);
        assertThat(LiveKitInfos.track(camera("0", MimeType.VP8, List.of(Encoding.ofSsrc(5, 6)))).getSimulcast())
                .as("one layer").isFalse();
    }

    @Test
    @SuppressWarnings("deprecation")
    void audioTrackCarriesItsFeaturesAndNegotiatedCodec() {
        LivekitModels.TrackInfo track = LiveKitInfos.track(microphone(true, true, ""));
        assertThat(track.getType()).isEqualTo(LivekitModels.TrackType.AUDIO);
        assertThat(track.getSource()).isEqualTo(LivekitModels.TrackSource.MICROPHONE);
        assertThat(track.getMimeType()).isEqualTo("audio/red");
        assertThat(track.getStereo()).isTrue();
        assertThat(track.getDisableDtx()).isTrue();
        assertThat(track.getDisableRed()).isTrue();
        assertThat(track.getAudioFeaturesList()).containsExactly(LivekitModels.AudioTrackFeature.TF_STEREO,
                LivekitModels.AudioTrackFeature.TF_NO_DTX);
        assertThat(track.getStream()).isEqualTo("camera");
        assertThat(track.getLayersList()).isEmpty();
        assertThat(track.getCodecs(0).getCid()).isEqualTo("cid-mic");
        assertThat(track.getCodecs(0).getVideoLayerMode()).isEqualTo(LivekitModels.VideoLayer.Mode.MODE_UNUSED);
        LivekitModels.TrackInfo mono = LiveKitInfos.track(microphone(false, false, "podcast"));
        assertThat(mono.getAudioFeaturesList()).isEmpty();
        assertThat(mono.getStream()).isEqualTo("podcast");
    }

    @Test
    void streamGroupsSourcesAsLiveKitDoes() {
        assertThat(LiveKitInfos.streamOf(TrackSource.SCREEN_SHARE)).isEqualTo("screen");
        assertThat(LiveKitInfos.streamOf(TrackSource.SCREEN_SHARE_AUDIO)).isEqualTo("screen");
        assertThat(LiveKitInfos.streamOf(TrackSource.MICROPHONE)).isEqualTo("camera");
        assertThat(LiveKitInfos.streamOf(TrackSource.UNKNOWN)).isEqualTo("unknown");
    }

    @ParameterizedTest
    @EnumSource(DisconnectReason.class)
    void everyDisconnectReasonHasItsLiveKitNamesake(DisconnectReason reason) {
        assertThat(LiveKitInfos.disconnectReason(reason).name()).isEqualTo(reason.name());
    }

    @ParameterizedTest
    @EnumSource(ParticipantState.class)
    void everyStateHasItsLiveKitNamesake(ParticipantState state) {
        assertThat(LiveKitInfos.state(state).name()).isEqualTo(state.name());
    }

    @ParameterizedTest
    @EnumSource(TrackSource.class)
    void everySourceMapsBothWays(TrackSource source) {
        assertThat(LiveKitInfos.source(source).name()).isEqualTo(source.name());
        assertThat(LiveKitInfos.sourceOf(LiveKitInfos.source(source))).isEqualTo(source);
    }

    @Test
    void aSourceNewerThanThisServerRestrictsInsteadOfVanishing() {
        LivekitModels.ParticipantPermission wire = LivekitModels.ParticipantPermission.newBuilder()
                .setCanPublish(true).addCanPublishSourcesValue(99).build();
        ParticipantPermission permission = LiveKitInfos.permissionOf(wire);
        assertThat(permission.canPublishSources()).containsExactly(TrackSource.UNKNOWN);
        assertThat(permission.allowsPublishing(TrackSource.CAMERA)).isFalse();
    }

    @Property(tries = 64)
    void permissionRoundTrips(@ForAll boolean subscribe, @ForAll boolean publish, @ForAll boolean data,
                              @ForAll Set<TrackSource> sources, @ForAll boolean hidden, @ForAll boolean metadata) {
        ParticipantPermission permission = new ParticipantPermission(subscribe, publish, data, sources, hidden, metadata);
        assertThat(LiveKitInfos.permissionOf(LiveKitInfos.permission(permission))).isEqualTo(permission);
    }
}
