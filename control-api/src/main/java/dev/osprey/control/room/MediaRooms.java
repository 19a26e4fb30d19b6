package dev.osprey.control.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import com.google.protobuf.ByteString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The control API's side of the {@link RoomService} (bedrud-api.md §7): blocking calls with a bounded wait (they run
 * on worker threads), not-found mapped to empty results, and the {@code system}-topic data messages Bedrud's web
 * client reacts to.
 */
public final class MediaRooms {

    private static final long TIMEOUT_SECONDS = 10;
    private final RoomService rooms;

    public MediaRooms(RoomService rooms) {
        this.rooms = rooms;
    }

    /** Waits for a room-service result; failures surface as {@link RoomServiceException}. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RoomServiceException rse) {
                throw rse;
            }
            throw new RoomServiceException(RoomServiceException.Code.INTERNAL, String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new RoomServiceException(RoomServiceException.Code.DEADLINE_EXCEEDED, "room service timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomServiceException(RoomServiceException.Code.INTERNAL, "interrupted", e);
        }
    }

    static boolean isNotFound(RoomServiceException e) {
        return e.code() == RoomServiceException.Code.NOT_FOUND;
    }

    public LivekitModels.Room create(String name, int maxParticipants) {
        return await(rooms.createRoom(LivekitRoom.CreateRoomRequest.newBuilder().setName(name)
                .setMaxParticipants(Math.max(0, maxParticipants)).build()));
    }

    /** Deletes the media room; a room that is already gone is fine. */
    public void deleteQuietly(String name) {
        try {
            await(rooms.deleteRoom(name));
        } catch (RoomServiceException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    public List<LivekitModels.Room> listRooms() {
        return await(rooms.listRooms(List.of()));
    }

    /** Participants connected to the media room; empty when the room does not exist there. */
    public List<LivekitModels.ParticipantInfo> participants(String room) {
        try {
            return await(rooms.listParticipants(room));
        } catch (RoomServiceException e) {
            if (isNotFound(e)) {
                return List.of();
            }
            throw e;
        }
    }

    public Optional<LivekitModels.ParticipantInfo> participant(String room, String identity) {
        try {
            return Optional.of(await(rooms.getParticipant(room, identity)));
        } catch (RoomServiceException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Removes a participant; one who is not connected is already gone. */
    public void removeQuietly(String room, String identity) {
        try {
            await(rooms.removeParticipant(room, identity));
        } catch (RoomServiceException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    /** Mutes each published track the filter selects (track-level only, as Bedrud does). */
    public void muteTracks(String room, LivekitModels.ParticipantInfo p, Predicate<LivekitModels.TrackInfo> which) {
        for (LivekitModels.TrackInfo t : p.getTracksList()) {
            if (which.test(t)) {
                await(rooms.mutePublishedTrack(room, p.getIdentity(), t.getSid(), true));
            }
        }
    }

    public void updateMetadata(String room, String identity, String metadata) {
        await(rooms.updateParticipant(LivekitRoom.UpdateParticipantRequest.newBuilder().setRoom(room)
                .setIdentity(identity).setMetadata(metadata).build()));
    }

    /** A reliable {@code system}-topic message to the whole room, or only to {@code destination} when non-null. */
    public void system(String room, Map<String, Object> message, String destination) {
        byte[] data;
        try {
            data = ApiRouter.JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw ApiException.internal("Failed to encode system message");
        }
        var request = LivekitRoom.SendDataRequest.newBuilder().setRoom(room).setData(ByteString.copyFrom(data))
                .setKind(LivekitModels.DataPacket.Kind.RELIABLE).setTopic("system");
        if (destination != null) {
            request.addDestinationIdentities(destination);
        }
        await(rooms.sendData(request.build()));
    }

    /** A system message that is best effort: a room that is not live in the media server has no one to tell. */
    public void systemQuietly(String room, Map<String, Object> message, String destination) {
        try {
            system(room, message, destination);
        } catch (RoomServiceException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    /** The handler-form system message {@code {type:"system", event, actor, target}}. */
    public static Map<String, Object> event(String event, String actor, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "system");
        m.put("event", event);
        m.put("actor", actor);
        m.put("target", target);
        return m;
    }

    /** The cleanup-form system message {@code {type:"system", event, message}}. */
    public static Map<String, Object> notice(String event, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "system");
        m.put("event", event);
        m.put("message", message);
        return m;
    }
}
