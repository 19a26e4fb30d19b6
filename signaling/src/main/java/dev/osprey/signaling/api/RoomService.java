package dev.osprey.signaling.api;

import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Room management as LiveKit's Twirp {@code RoomService} defines it (livekit_room.proto), so that callers such as
 * the Bedrud control API work the same against Osprey's own SFU in this JVM (embedded) and against any
 * LiveKit-compatible server reached over Twirp (external). Failures complete exceptionally with
 * {@link RoomServiceException}, whose code follows Twirp's error codes.
 */
public interface RoomService {

    /** Creates the room, or returns the existing one with that name. */
    CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request);

    /** All rooms when {@code names} is empty, otherwise only the named ones that exist. */
    CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names);

    /** Disconnects everyone (leave reason ROOM_DELETED) and forgets the room. */
    CompletionStage<Void> deleteRoom(String room);

    CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room);

    CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity);

    CompletionStage<Void> removeParticipant(String room, String identity);

    CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity, String trackSid,
                                                                 boolean muted);

    /** Metadata, name, attributes and permission; a revoked {@code canPublish} unpublishes the tracks. */
    CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(LivekitRoom.UpdateParticipantRequest request);

    /** Subscribes {@code identity} to (or unsubscribes it from) the named tracks. */
    CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request);

    /** Data to everyone in the room, or to {@code destination_identities}, on the request's topic and reliability. */
    CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request);

    CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata);
}
