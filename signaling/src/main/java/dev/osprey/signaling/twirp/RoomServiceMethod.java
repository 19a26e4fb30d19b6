package dev.osprey.signaling.twirp;

import com.google.protobuf.Message;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import livekit.LivekitRoom.ForwardParticipantRequest;
import livekit.LivekitRoom.MoveParticipantRequest;
import livekit.LivekitRoom.PerformRpcRequest;
import livekit.LivekitRoom.RoomParticipantIdentity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The methods of {@code service RoomService} in livekit_room.proto: the request type each decodes, the grant LiveKit
 * checks for it, and the call into {@link RoomService} with the reply message built from its result. The Cloud-only
 * ForwardParticipant/MoveParticipant and PerformRpc are routed and authorised as LiveKit does and answered
 * {@code unimplemented}: the room service has no such operations.
 */
public enum RoomServiceMethod {
    CREATE_ROOM("CreateRoom", LivekitRoom.CreateRoomRequest.getDefaultInstance(), RequiredGrant.ROOM_CREATE) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.createRoom((LivekitRoom.CreateRoomRequest) request);
        }
    },
    LIST_ROOMS("ListRooms", LivekitRoom.ListRoomsRequest.getDefaultInstance(), RequiredGrant.ROOM_LIST) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.listRooms(((LivekitRoom.ListRoomsRequest) request).getNamesList())
                    .thenApply(list -> LivekitRoom.ListRoomsResponse.newBuilder().addAllRooms(list).build());
        }
    },
    DELETE_ROOM("DeleteRoom", LivekitRoom.DeleteRoomRequest.getDefaultInstance(), RequiredGrant.ROOM_CREATE) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.deleteRoom(((LivekitRoom.DeleteRoomRequest) request).getRoom())
                    .thenApply(ignored -> LivekitRoom.DeleteRoomResponse.getDefaultInstance());
        }
    },
    LIST_PARTICIPANTS("ListParticipants", LivekitRoom.ListParticipantsRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.listParticipants(((LivekitRoom.ListParticipantsRequest) request).getRoom())
                    .thenApply(list -> LivekitRoom.ListParticipantsResponse.newBuilder().addAllParticipants(list).build());
        }
    },
    GET_PARTICIPANT("GetParticipant", RoomParticipantIdentity.getDefaultInstance(), RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            RoomParticipantIdentity who = (RoomParticipantIdentity) request;
            return rooms.getParticipant(who.getRoom(), who.getIdentity());
        }
    },
    REMOVE_PARTICIPANT("RemoveParticipant", RoomParticipantIdentity.getDefaultInstance(), RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            RoomParticipantIdentity who = (RoomParticipantIdentity) request;
            return rooms.removeParticipant(who.getRoom(), who.getIdentity())
                    .thenApply(ignored -> LivekitRoom.RemoveParticipantResponse.getDefaultInstance());
        }
    },
    MUTE_PUBLISHED_TRACK("MutePublishedTrack", LivekitRoom.MuteRoomTrackRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            LivekitRoom.MuteRoomTrackRequest mute = (LivekitRoom.MuteRoomTrackRequest) request;
            // livekit-server answers a track it does not know with a response without a track: the room service
            // says so with the default instance
            return rooms.mutePublishedTrack(mute.getRoom(), mute.getIdentity(), mute.getTrackSid(), mute.getMuted())
                    .thenApply(track -> track.equals(LivekitModels.TrackInfo.getDefaultInstance())
                            ? LivekitRoom.MuteRoomTrackResponse.getDefaultInstance()
                            : LivekitRoom.MuteRoomTrackResponse.newBuilder().setTrack(track).build());
        }
    },
    UPDATE_PARTICIPANT("UpdateParticipant", LivekitRoom.UpdateParticipantRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.updateParticipant((LivekitRoom.UpdateParticipantRequest) request);
        }
    },
    UPDATE_SUBSCRIPTIONS("UpdateSubscriptions", LivekitRoom.UpdateSubscriptionsRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return rooms.updateSubscriptions((LivekitRoom.UpdateSubscriptionsRequest) request)
                    .thenApply(ignored -> LivekitRoom.UpdateSubscriptionsResponse.getDefaultInstance());
        }
    },
    SEND_DATA("SendData", LivekitRoom.SendDataRequest.getDefaultInstance(), RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            LivekitRoom.SendDataRequest data = (LivekitRoom.SendDataRequest) request;
            int nonceBytes = data.getNonce().size();
            if (nonceBytes != 0 && nonceBytes != NONCE_BYTES) {
                // the nonce is a 128-bit UUID or absent, as livekit-server checks before relaying
                return invalid("nonce should be 16-bytes or not present, got: " + nonceBytes + " bytes");
            }
            return rooms.sendData(data).thenApply(ignored -> LivekitRoom.SendDataResponse.getDefaultInstance());
        }
    },
    UPDATE_ROOM_METADATA("UpdateRoomMetadata", LivekitRoom.UpdateRoomMetadataRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            LivekitRoom.UpdateRoomMetadataRequest update = (LivekitRoom.UpdateRoomMetadataRequest) request;
            return rooms.updateRoomMetadata(update.getRoom(), update.getMetadata());
        }
    },
    FORWARD_PARTICIPANT("ForwardParticipant", ForwardParticipantRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN_AND_DESTINATION) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            ForwardParticipantRequest forward = (ForwardParticipantRequest) request;
            return forward.getRoom().equals(forward.getDestinationRoom()) ? invalid(SAME_ROOM) : unimplemented(wireName());
        }
    },
    MOVE_PARTICIPANT("MoveParticipant", MoveParticipantRequest.getDefaultInstance(),
            RequiredGrant.ROOM_ADMIN_AND_DESTINATION) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            MoveParticipantRequest move = (MoveParticipantRequest) request;
            return move.getRoom().equals(move.getDestinationRoom()) ? invalid(SAME_ROOM) : unimplemented(wireName());
        }
    },
    PERFORM_RPC("PerformRpc", PerformRpcRequest.getDefaultInstance(), RequiredGrant.ROOM_ADMIN) {
        @Override
        CompletionStage<? extends Message> invoke(RoomService rooms, Message request) {
            return ((PerformRpcRequest) request).getDestinationIdentity().isEmpty()
                    ? invalid("destination identity is required") : unimplemented(wireName());
        }
    };

    /** The grant a method needs (livekit-server {@code Ensure*Permission}). */
    public enum RequiredGrant {
        ROOM_CREATE, ROOM_LIST,
        /** {@code roomAdmin} and {@code video.room} equal to the request's {@code room}. */
        ROOM_ADMIN,
        /** As {@link #ROOM_ADMIN}, and {@code video.destinationRoom} equal to the request's destination room. */
        ROOM_ADMIN_AND_DESTINATION
    }

    static final int NONCE_BYTES = 16;
    private static final String SAME_ROOM = "destination room cannot be the same as source room";

    private final String wireName;
    private final Message requestPrototype;
    private final RequiredGrant grant;

    RoomServiceMethod(String wireName, Message requestPrototype, RequiredGrant grant) {
        this.wireName = wireName;
        this.requestPrototype = requestPrototype;
        this.grant = grant;
    }

    /** The method's name in the URL path. */
    public String wireName() {
        return wireName;
    }

    public Message requestPrototype() {
        return requestPrototype;
    }

    public RequiredGrant grant() {
        return grant;
    }

    /** @return the method named {@code name} (case-sensitive, as Twirp routes), or {@code null} */
    public static RoomServiceMethod byWireName(String name) {
        for (RoomServiceMethod method : values()) {
            if (method.wireName.equals(name)) {
                return method;
            }
        }
        return null;
    }

    /** Calls the room service; the stage yields the reply message or fails with {@link RoomServiceException}. */
    abstract CompletionStage<? extends Message> invoke(RoomService rooms, Message request);

    private static CompletionStage<Message> invalid(String msg) {
        return CompletableFuture.failedFuture(new RoomServiceException(RoomServiceException.Code.INVALID_ARGUMENT, msg));
    }

    private static CompletionStage<Message> unimplemented(String wireName) {
        return CompletableFuture.failedFuture(new RoomServiceException(RoomServiceException.Code.UNIMPLEMENTED,
                wireName + " is not supported by this server"));
    }
}
