package dev.osprey.signaling.rooms;

import com.google.protobuf.ByteString;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackSource;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The room service's semantics against a real media-core room registry, calls run on the calling thread. */
class EmbeddedRoomServiceTest {

    private final TestRooms rooms = new TestRooms();
    private final RecordingDataSender data = new RecordingDataSender();
    private EmbeddedRoomService service = service(RoomServiceConfig.of(TestRooms.DEFAULTS));

    private EmbeddedRoomService service(RoomServiceConfig config) {
        return new EmbeddedRoomService(rooms.registry, config, data, Runnable::run);
    }

    @AfterEach
    void close() {
        rooms.close();
    }

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static RoomServiceException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(RoomServiceException.class);
        return (RoomServiceException) thrown.getCause();
    }

    private static void assertFails(CompletionStage<?> stage, RoomServiceException.Code code, String message) {
        RoomServiceException e = failure(stage);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static LivekitRoom.CreateRoomRequest create(String name) {
        return LivekitRoom.CreateRoomRequest.newBuilder().setName(name).build();
    }

    @Test
    void createRoomTakesTheRequestedSettingsFillsDefaultsAndReturnsALiveRoomUnchanged() {
        LivekitModels.Room room = done(service.createRoom(LivekitRoom.CreateRoomRequest.newBuilder().setName("standup")
                .setMaxParticipants(12).setDepartureTimeout(45).setMetadata("agenda").build()));
        assertThat(room.getSid()).startsWith("RM_");
        assertThat(room.getName()).isEqualTo("standup");
        assertThat(room.getEmptyTimeout()).isEqualTo(TestRooms.DEFAULTS.emptyTimeoutSeconds());
        assertThat(room.getDepartureTimeout()).isEqualTo(45);
        assertThat(room.getMaxParticipants()).isEqualTo(12);
        assertThat(room.getMetadata()).isEqualTo("agenda");
        assertThat(room.getCreationTimeMs()).isEqualTo(TestRooms.START_MILLIS);
        assertThat(room.getCreationTime()).isEqualTo(TestRooms.START_MILLIS / 1000);
        LivekitModels.Room again = done(service.createRoom(LivekitRoom.CreateRoomRequest.newBuilder()
                .setName("standup").setEmptyTimeout(5).setMetadata("other").build()));
        assertThat(again).isEqualTo(room);
        assertThat(rooms.events.events()).containsExactly("started standup");
    }

    @Test
    void aHugeUint32TimeoutIsCappedNotWrapped() {
        LivekitModels.Room room = done(service.createRoom(LivekitRoom.CreateRoomRequest.newBuilder().setName("long")
                .setEmptyTimeout(-1).build()));
        assertThat(room.getEmptyTimeout()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void createRoomChecksNameAndMetadataAsLiveKitDoes() {
        assertFails(service.createRoom(create("é".repeat(129))), RoomServiceException.Code.INVALID_ARGUMENT,
                "room name length exceeds limits: max length 256");
        assertFails(service.createRoom(create("")), RoomServiceException.Code.INVALID_ARGUMENT, "no room name");
        assertFails(service.createRoom(create("a\u0001b")), RoomServiceException.Code.INVALID_ARGUMENT,
                "room name must not contain control characters");
        service = service(new RoomServiceConfig(TestRooms.DEFAULTS, false, 8, 8, 16, 16));
        assertFails(service.createRoom(LivekitRoom.CreateRoomRequest.newBuilder().setName("r").setMetadata("123456789")
                .build()), RoomServiceException.Code.INVALID_ARGUMENT, "metadata size exceeds limits 8");
        assertThat(rooms.registry.list()).isEmpty();
    }

    @Test
    void listRoomsGivesAllOrTheNamedOnesThatExist() {
        done(service.createRoom(create("beta")));
        done(service.createRoom(create("alpha")));
        assertThat(done(service.listRooms(List.of()))).extracting(LivekitModels.Room::getName)
                .containsExactly("alpha", "beta");
        assertThat(done(service.listRooms(List.of("beta", "nope", "", "beta")))).extracting(LivekitModels.Room::getName)
                .containsExactly("beta");
    }

    @Test
    void deleteRoomMakesEveryoneLeaveWithRoomDeleted() {
        rooms.join("standup", "alice");
        rooms.join("standup", "bob");
        done(service.deleteRoom("standup"));
        assertThat(rooms.events.events()).containsExactly("started standup", "left standup alice ROOM_DELETED",
                "left standup bob ROOM_DELETED", "finished standup DELETED");
        assertThat(done(service.listRooms(List.of()))).isEmpty();
        assertFails(service.deleteRoom("standup"), RoomServiceException.Code.NOT_FOUND, "requested room does not exist");
        assertFails(service.deleteRoom(""), RoomServiceException.Code.NOT_FOUND, "requested room does not exist");
    }

    @Test
    void participantsAreListedFetchedAndRemovedWithParticipantRemoved() {
        ParticipantSession alice = rooms.join("standup", "alice");
        rooms.join("standup", "bob");
        assertThat(done(service.listParticipants("standup"))).extracting(LivekitModels.ParticipantInfo::getIdentity)
                .containsExactly("alice", "bob");
        assertThat(done(service.listParticipants("nowhere"))).as("livekit-server's store: an empty list").isEmpty();
        LivekitModels.ParticipantInfo got = done(service.getParticipant("standup", "alice"));
        assertThat(got).isEqualTo(LiveKitInfos.participant(alice.info()));
        done(service.removeParticipant("standup", "alice"));
        assertThat(alice.isClosed()).isTrue();
        assertThat(rooms.events.events()).contains("left standup alice PARTICIPANT_REMOVED");
        for (CompletionStage<?> missing : List.of(service.getParticipant("standup", "alice"),
                service.getParticipant("nowhere", "bob"), service.removeParticipant("standup", "alice"),
                service.removeParticipant("nowhere", "bob"), service.getParticipant("standup", ""))) {
            assertFails(missing, RoomServiceException.Code.NOT_FOUND, "participant does not exist");
        }
    }

    @Test
    void mutePublishedTrackMutesButUnmutesOnlyWhenRemoteUnmuteIsEnabled() {
        ParticipantSession alice = rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        LivekitModels.TrackInfo muted = done(service.mutePublishedTrack("standup", "alice", mic.id().value(), true));
        assertThat(muted.getSid()).isEqualTo(mic.id().value());
        assertThat(muted.getMuted()).isTrue();
        assertThat(alice.publisher().tracks()).singleElement().extracting(TrackInfo::muted).isEqualTo(true);
        assertThat(rooms.events.events()).contains("muted alice " + mic.id() + " true");
        assertFails(service.mutePublishedTrack("standup", "alice", mic.id().value(), false),
                RoomServiceException.Code.FAILED_PRECONDITION, "remote unmute not enabled");
        assertThat(alice.publisher().tracks().getFirst().muted()).isTrue();
        service = service(RoomServiceConfig.of(TestRooms.DEFAULTS).withRemoteUnmute(true));
        assertThat(done(service.mutePublishedTrack("standup", "alice", mic.id().value(), false)).getMuted()).isFalse();
        assertThat(alice.publisher().tracks().getFirst().muted()).isFalse();
    }

    @Test
    void mutingAnUnknownTrackAnswersNoTrackAndMissingRoomsOrParticipantsAreNotFound() {
        rooms.join("standup", "alice");
        assertThat(done(service.mutePublishedTrack("standup", "alice", "TR_nosuchtrack1", true)))
                .isEqualTo(LivekitModels.TrackInfo.getDefaultInstance());
        assertThat(done(service.mutePublishedTrack("standup", "alice", "not-a-sid", true)))
                .isEqualTo(LivekitModels.TrackInfo.getDefaultInstance());
        assertFails(service.mutePublishedTrack("nowhere", "alice", "TR_x", true), RoomServiceException.Code.NOT_FOUND,
                "requested room does not exist");
        assertFails(service.mutePublishedTrack("standup", "bob", "TR_x", true), RoomServiceException.Code.NOT_FOUND,
                "participant does not exist");
    }

    @Test
    void updateParticipantChangesNameMetadataAndAttributesWithoutTheParticipantsOwnPermission() {
        ParticipantSession alice = rooms.join("standup", "alice");
        assertThat(alice.info().permission().canUpdateMetadata()).isFalse();
        LivekitModels.ParticipantInfo updated = done(service.updateParticipant(LivekitRoom.UpdateParticipantRequest
                .newBuilder().setRoom("standup").setIdentity("alice").setName("Alice A.").setMetadata("{\"hand\":1}")
                .putAttributes("role", "host").putAttributes("seat", "4").build()));
        assertThat(updated.getName()).isEqualTo("Alice A.");
        assertThat(updated.getMetadata()).isEqualTo("{\"hand\":1}");
        assertThat(updated.getAttributesMap()).isEqualTo(Map.of("role", "host", "seat", "4"));
        assertThat(updated.getPermission().getCanUpdateMetadata()).as("given back").isFalse();
        assertThat(alice.info().permission()).isEqualTo(ParticipantPermission.DEFAULT);
        // empty name and metadata keep the values; an empty attribute value deletes the attribute
        LivekitModels.ParticipantInfo again = done(service.updateParticipant(LivekitRoom.UpdateParticipantRequest
                .newBuilder().setRoom("standup").setIdentity("alice").putAttributes("seat", "").build()));
        assertThat(again.getName()).isEqualTo("Alice A.");
        assertThat(again.getMetadata()).isEqualTo("{\"hand\":1}");
        assertThat(again.getAttributesMap()).isEqualTo(Map.of("role", "host"));
        assertThat(again.getVersion()).isGreaterThan(updated.getVersion());
    }

    @Test
    void revokingCanPublishUnpublishesEveryTrackAndTheNewPermissionIsShown() {
        ParticipantSession alice = rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        TrackInfo cam = TestRooms.publishCamera(alice);
        LivekitModels.ParticipantPermission viewer = LivekitModels.ParticipantPermission.newBuilder()
                .setCanSubscribe(true).setCanPublish(false).setCanPublishData(true).build();
        LivekitModels.ParticipantInfo updated = done(service.updateParticipant(LivekitRoom.UpdateParticipantRequest
                .newBuilder().setRoom("standup").setIdentity("alice").setMetadata("demoted").setPermission(viewer)
                .build()));
        assertThat(updated.getPermission()).isEqualTo(viewer);
        assertThat(updated.getMetadata()).isEqualTo("demoted");
        assertThat(updated.getTracksList()).isEmpty();
        assertThat(updated.getIsPublisher()).isFalse();
        assertThat(alice.publisher().tracks()).isEmpty();
        assertThat(rooms.events.events()).contains("unpublished alice " + mic.id(), "unpublished alice " + cam.id());
    }

    @Test
    void restrictingSourcesUnpublishesOnlyTheTracksNoLongerAllowed() {
        ParticipantSession alice = rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        TestRooms.publishCamera(alice);
        LivekitModels.ParticipantPermission micOnly = LivekitModels.ParticipantPermission.newBuilder()
                .setCanSubscribe(true).setCanPublish(true).addCanPublishSources(LivekitModels.TrackSource.MICROPHONE)
                .setCanUpdateMetadata(true).build();
        LivekitModels.ParticipantInfo updated = done(service.updateParticipant(LivekitRoom.UpdateParticipantRequest
                .newBuilder().setRoom("standup").setIdentity("alice").setPermission(micOnly).build()));
        assertThat(updated.getTracksList()).extracting(LivekitModels.TrackInfo::getSid).containsExactly(mic.id().value());
        assertThat(alice.info().permission()).isEqualTo(new ParticipantPermission(true, true, false,
                Set.of(TrackSource.MICROPHONE), false, true));
    }

    @Test
    void updateParticipantChecksLimitsAndThatTheParticipantExists() {
        rooms.join("standup", "alice");
        service = service(new RoomServiceConfig(TestRooms.DEFAULTS, false, 8, 8, 16, 4));
        LivekitRoom.UpdateParticipantRequest.Builder alice = LivekitRoom.UpdateParticipantRequest.newBuilder()
                .setRoom("standup").setIdentity("alice");
        assertFails(service.updateParticipant(alice.clone().setName("Alicia").build()),
                RoomServiceException.Code.INVALID_ARGUMENT, "name length exceeds limits 4");
        assertFails(service.updateParticipant(alice.clone().setMetadata("123456789").build()),
                RoomServiceException.Code.INVALID_ARGUMENT, "metadata size exceeds limits 8");
        assertFails(service.updateParticipant(alice.clone().putAttributes("key", "value1").build()),
                RoomServiceException.Code.INVALID_ARGUMENT, "attribute size exceeds limits 8");
        assertFails(service.updateParticipant(alice.clone().setIdentity("bob").setName("Bob").build()),
                RoomServiceException.Code.NOT_FOUND, "participant does not exist");
        assertFails(service.updateParticipant(alice.clone().setRoom("nowhere").build()),
                RoomServiceException.Code.NOT_FOUND, "participant does not exist");
    }

    @Test
    void updateSubscriptionsSubscribesAndUnsubscribesSkippingTracksThatDoNotExist() {
        ParticipantSession alice = rooms.join("standup", "alice");
        TrackInfo mic = TestRooms.publishMicrophone(alice);
        TrackInfo cam = TestRooms.publishCamera(alice);
        ParticipantSession bob = rooms.join("standup", "bob", ParticipantPermission.DEFAULT, false);
        assertThat(bob.subscriber().subscriptions()).isEmpty();
        done(service.updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest.newBuilder().setRoom("standup")
                .setIdentity("bob").setSubscribe(true).addTrackSids(mic.id().value()).addTrackSids("TR_nosuchtrack1")
                .addTrackSids("garbage").addParticipantTracks(LivekitModels.ParticipantTracks.newBuilder()
                        .setParticipantSid(alice.info().id().value()).addTrackSids(cam.id().value())).build()));
        assertThat(bob.subscriber().subscriptions()).extracting(s -> s.track()).containsExactlyInAnyOrder(mic.id(),
                cam.id());
        done(service.updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest.newBuilder().setRoom("standup")
                .setIdentity("bob").setSubscribe(false).addTrackSids(cam.id().value()).build()));
        assertThat(bob.subscriber().subscriptions()).extracting(s -> s.track()).containsExactly(mic.id());
        assertFails(service.updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest.newBuilder().setRoom("standup")
                .setIdentity("carol").build()), RoomServiceException.Code.NOT_FOUND, "participant does not exist");
        assertFails(service.updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest.newBuilder().setRoom("nowhere")
                .setIdentity("bob").build()), RoomServiceException.Code.NOT_FOUND, "requested room does not exist");
    }

    @Test
    @SuppressWarnings("deprecation")
    void sendDataHandsAServerPacketToTheDataPath() {
        ParticipantSession alice = rooms.join("standup", "alice");
        rooms.join("standup", "bob");
        byte[] nonce = new byte[16];
        done(service.sendData(LivekitRoom.SendDataRequest.newBuilder().setRoom("standup")
                .setData(ByteString.copyFromUtf8("hello")).setTopic("system").setNonce(ByteString.copyFrom(nonce))
                .build()));
        RecordingDataSender.Sent all = data.sent.getFirst();
        assertThat(all.room()).isEqualTo(new RoomName("standup"));
        assertThat(all.destinationIdentities()).isEmpty();
        assertThat(all.reliable()).isTrue();
        assertThat(all.packet().getParticipantIdentity()).isEmpty();
        assertThat(all.packet().getUser().getPayload().toStringUtf8()).isEqualTo("hello");
        assertThat(all.packet().getUser().getTopic()).isEqualTo("system");
        assertThat(all.packet().getUser().getNonce().size()).isEqualTo(16);

        done(service.sendData(LivekitRoom.SendDataRequest.newBuilder().setRoom("standup")
                .setKind(LivekitModels.DataPacket.Kind.LOSSY).setData(ByteString.copyFromUtf8("x"))
                .addDestinationIdentities("bob").addDestinationSids(alice.info().id().value()).build()));
        RecordingDataSender.Sent targeted = data.sent.get(1);
        assertThat(targeted.reliable()).isFalse();
        assertThat(targeted.destinationIdentities()).containsExactly("bob", "alice");
        assertThat(targeted.packet().getUser().hasTopic()).isFalse();
        assertThat(targeted.packet().getDestinationIdentitiesList()).containsExactly("bob");

        // recipients named only by sids that are not in the room: nobody, not everybody
        done(service.sendData(LivekitRoom.SendDataRequest.newBuilder().setRoom("standup")
                .addDestinationSids("PA_gone00000001").build()));
        assertThat(data.sent).hasSize(2);
        assertFails(service.sendData(LivekitRoom.SendDataRequest.newBuilder().setRoom("nowhere").build()),
                RoomServiceException.Code.NOT_FOUND, "requested room does not exist");
    }

    @Test
    void updateRoomMetadataSetsItOnALiveRoomOnly() {
        done(service.createRoom(create("standup")));
        LivekitModels.Room room = done(service.updateRoomMetadata("standup", "{\"topic\":\"q3\"}"));
        assertThat(room.getMetadata()).isEqualTo("{\"topic\":\"q3\"}");
        assertThat(rooms.registry.find(new RoomName("standup")).orElseThrow().metadata()).isEqualTo("{\"topic\":\"q3\"}");
        assertFails(service.updateRoomMetadata("nowhere", "m"), RoomServiceException.Code.NOT_FOUND,
                "requested room does not exist");
        service = service(new RoomServiceConfig(RoomSettings.DEFAULT, false, 4, 0, 0, 0));
        assertFails(service.updateRoomMetadata("standup", "12345"), RoomServiceException.Code.INVALID_ARGUMENT,
                "metadata size exceeds limits 4");
    }

    @Test
    void callsRunOnTheGivenExecutorNotTheCaller() {
        ArrayDeque<Runnable> queued = new ArrayDeque<>();
        Executor later = queued::add;
        EmbeddedRoomService deferred = new EmbeddedRoomService(rooms.registry, RoomServiceConfig.of(RoomSettings.DEFAULT),
                data, later);
        CompletionStage<LivekitModels.Room> created = deferred.createRoom(create("later"));
        assertThat(created.toCompletableFuture()).isNotDone();
        assertThat(rooms.registry.list()).isEmpty();
        queued.poll().run();
        assertThat(done(created).getName()).isEqualTo("later");
    }

    @ParameterizedTest
    @EnumSource(RoomException.Reason.class)
    void aRefusalHalfwayThroughACallIsATwirpError(RoomException.Reason reason) {
        RoomServiceException e = EmbeddedRoomService.failure(new RoomException(reason, "because"));
        assertThat(e.code()).isIn(RoomServiceException.Code.NOT_FOUND, RoomServiceException.Code.INVALID_ARGUMENT,
                RoomServiceException.Code.PERMISSION_DENIED, RoomServiceException.Code.RESOURCE_EXHAUSTED);
        if (reason == RoomException.Reason.PARTICIPANT_NOT_FOUND) {
            assertThat(e.getMessage()).isEqualTo("participant does not exist");
        }
        if (reason == RoomException.Reason.ROOM_NOT_FOUND || reason == RoomException.Reason.ROOM_CLOSED) {
            assertThat(e.getMessage()).isEqualTo("requested room does not exist");
        }
    }

    @Test
    void utf8LengthCountsBytesAsGoDoes() {
        assertThat(RoomServiceConfig.utf8Length("abc")).isEqualTo(3);
        assertThat(RoomServiceConfig.utf8Length("é")).isEqualTo(2);
        assertThat(RoomServiceConfig.utf8Length("€")).isEqualTo(3);
        assertThat(RoomServiceConfig.utf8Length("😀")).isEqualTo(4);
        assertThat(RoomServiceConfig.utf8Length("\uD800x")).isEqualTo(4);
    }
}
