package dev.osprey.signaling.rooms;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitRoom;

import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Fuzzes the room service with arbitrary requests against a room {@code r} where {@code alice} publishes a negotiated
 * microphone ({@code TR_} sid unknown to the fuzzer, so the corpus names tracks by what exists) and {@code bob}
 * subscribes to nothing. Byte 0 picks the method, the rest is its protobuf request. Whatever the request, the call must
 * succeed or fail with a {@link RoomServiceException} that is not {@code internal}: never another exception.
 */
class EmbeddedRoomServiceFuzzTest {

    private static final int METHODS = 11;

    @FuzzTest(maxDuration = "30s")
    void call(byte[] input) throws InvalidProtocolBufferException {
        if (input.length < 1) {
            return;
        }
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        try (TestRooms rooms = new TestRooms()) {
            ParticipantSession alice = rooms.join("r", "alice");
            TrackInfo mic = TestRooms.publishMicrophone(alice);
            TestRooms.negotiateAudio(alice, mic, "0");
            rooms.join("r", "bob", ParticipantPermission.DEFAULT, false);
            EmbeddedRoomService service = new EmbeddedRoomService(rooms.registry,
                    RoomServiceConfig.of(TestRooms.DEFAULTS).withRemoteUnmute((input[0] & 0x80) != 0),
                    new RecordingDataSender(), Runnable::run);
            CompletionStage<?> stage;
            try {
                stage = invoke(service, Math.floorMod(input[0] & 0x7f, METHODS), body);
            } catch (InvalidProtocolBufferException notARequest) {
                return;
            }
            check(stage);
        }
    }

    private static CompletionStage<?> invoke(EmbeddedRoomService service, int method, byte[] body)
            throws InvalidProtocolBufferException {
        return switch (method) {
            case 0 -> service.createRoom(LivekitRoom.CreateRoomRequest.parseFrom(body));
            case 1 -> service.listRooms(LivekitRoom.ListRoomsRequest.parseFrom(body).getNamesList());
            case 2 -> service.deleteRoom(LivekitRoom.DeleteRoomRequest.parseFrom(body).getRoom());
            case 3 -> service.listParticipants(LivekitRoom.ListParticipantsRequest.parseFrom(body).getRoom());
            case 4 -> {
                LivekitRoom.RoomParticipantIdentity who = LivekitRoom.RoomParticipantIdentity.parseFrom(body);
                yield service.getParticipant(who.getRoom(), who.getIdentity());
            }
            case 5 -> {
                LivekitRoom.RoomParticipantIdentity who = LivekitRoom.RoomParticipantIdentity.parseFrom(body);
                yield service.removeParticipant(who.getRoom(), who.getIdentity());
            }
            case 6 -> {
                LivekitRoom.MuteRoomTrackRequest mute = LivekitRoom.MuteRoomTrackRequest.parseFrom(body);
                yield service.mutePublishedTrack(mute.getRoom(), mute.getIdentity(), mute.getTrackSid(), mute.getMuted());
            }
            case 7 -> service.updateParticipant(LivekitRoom.UpdateParticipantRequest.parseFrom(body));
            case 8 -> service.updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest.parseFrom(body));
            case 9 -> service.sendData(LivekitRoom.SendDataRequest.parseFrom(body));
            default -> {
                LivekitRoom.UpdateRoomMetadataRequest update = LivekitRoom.UpdateRoomMetadataRequest.parseFrom(body);
                yield service.updateRoomMetadata(update.getRoom(), update.getMetadata());
            }
        };
    }

    private static void check(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof RoomServiceException failure)
                    || failure.code() == RoomServiceException.Code.INTERNAL) {
                throw new AssertionError("the room service failed with something other than a Twirp error", e);
            }
        }
    }
}
