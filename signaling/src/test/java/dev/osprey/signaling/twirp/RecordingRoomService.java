package dev.osprey.signaling.twirp;

import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link RoomService} for the Twirp tests: it records every call with its arguments, answers with
 * fixed rooms and participants built from those arguments, and can be told to fail the next call with a
 * {@link RoomServiceException}, or to hold its answer until the test releases it.
 */
final class RecordingRoomService implements RoomService {

    /** One call: the interface method's name and its arguments as received. */
    record Call(String method, List<Object> args) {
    }

    static final long CREATION_TIME = 1_733_211_883L;

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RoomServiceException nextFailure;
    private volatile int failuresLeft;
    private volatile CompletableFuture<Void> gate;

    /** Fails the next call (only that one) with this exception. */
    void failNext(RoomServiceException failure) {
        failNext(failure, 1);
    }

    /** Fails the next {@code count} calls with this exception. */
    void failNext(RoomServiceException failure, int count) {
        nextFailure = failure;
        failuresLeft = count;
    }

    /** Holds every answer until the returned future is completed. */
    CompletableFuture<Void> holdAnswers() {
        CompletableFuture<Void> held = new CompletableFuture<>();
        gate = held;
        return held;
    }

    Call lastCall() {
        return calls.getLast();
    }

    static LivekitModels.Room room(String name, String metadata) {
        return LivekitModels.Room.newBuilder().setSid("RM_" + name).setName(name).setEmptyTimeout(300)
                .setDepartureTimeout(20).setMaxParticipants(10).setCreationTime(CREATION_TIME)
                .setCreationTimeMs(CREATION_TIME * 1000).setMetadata(metadata).build();
    }

    static LivekitModels.TrackInfo track(String sid, boolean muted) {
        return LivekitModels.TrackInfo.newBuilder().setSid(sid).setType(LivekitModels.TrackType.VIDEO)
                .setSource(LivekitModels.TrackSource.CAMERA).setMuted(muted).setWidth(1280).setHeight(720).build();
    }

    static LivekitModels.ParticipantInfo participant(String identity) {
        return LivekitModels.ParticipantInfo.newBuilder().setSid("PA_" + identity).setIdentity(identity)
                .setState(LivekitModels.ParticipantInfo.State.ACTIVE).setJoinedAt(CREATION_TIME)
                .setJoinedAtMs(CREATION_TIME * 1000).addTracks(track("TR_" + identity, false)).build();
    }

    private <T> CompletionStage<T> answer(String method, T result, Object... args) {
        calls.add(new Call(method, List.of(args)));
        RoomServiceException failure = nextFailure;
        if (failure != null && --failuresLeft <= 0) {
            nextFailure = null;
        }
        CompletableFuture<T> answer = failure != null
                ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(result);
        CompletableFuture<Void> held = gate;
        // a held answer completes on the test's thread, never on the event loop: as a real engine would
        return held == null ? answer : held.thenCompose(ignored -> answer);
    }

    @Override
    public CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request) {
        return answer("createRoom", room(request.getName(), request.getMetadata()).toBuilder()
                .setEmptyTimeout(request.getEmptyTimeout()).setDepartureTimeout(request.getDepartureTimeout())
                .setMaxParticipants(request.getMaxParticipants()).build(), request);
    }

    @Override
    public CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names) {
        List<String> listed = names.isEmpty() ? List.of("alpha", "beta") : names;
        return answer("listRooms", listed.stream().map(name -> room(name, "")).toList(), List.copyOf(names));
    }

    @Override
    public CompletionStage<Void> deleteRoom(String room) {
        return answer("deleteRoom", null, room);
    }

    @Override
    public CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room) {
        return answer("listParticipants", List.of(participant("alice"), participant("bob")), room);
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity) {
        return answer("getParticipant", participant(identity), room, identity);
    }

    @Override
    public CompletionStage<Void> removeParticipant(String room, String identity) {
        return answer("removeParticipant", null, room, identity);
    }

    @Override
    public CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity, String trackSid,
                                                                        boolean muted) {
        return answer("mutePublishedTrack", track(trackSid, muted), room, identity, trackSid, muted);
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(LivekitRoom.UpdateParticipantRequest request) {
        LivekitModels.ParticipantInfo.Builder updated = participant(request.getIdentity()).toBuilder()
                .setMetadata(request.getMetadata()).setName(request.getName())
                .putAllAttributes(request.getAttributesMap());
        if (request.hasPermission()) {
            updated.setPermission(request.getPermission());
        }
        return answer("updateParticipant", updated.build(), request);
    }

    @Override
    public CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request) {
        return answer("updateSubscriptions", null, request);
    }

    @Override
    public CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request) {
        return answer("sendData", null, request);
    }

    @Override
    public CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata) {
        return answer("updateRoomMetadata", room(room, metadata), room, metadata);
    }
}
