package dev.osprey.signaling.rooms;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.Rooms;
import dev.osprey.media.api.TrackId;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * LiveKit's RoomService over Osprey's own rooms in this JVM, with livekit-server's semantics (its {@code RoomService}
 * in front of a single node's {@code RoomManager} and local store; livekit-protocol.md §6): CreateRoom returns a live
 * room unchanged; a missing room or participant is {@code not_found} with LiveKit's messages, except that
 * ListParticipants of a missing room is an empty list, and Get/Remove/UpdateParticipant say "participant does not
 * exist" for a missing room too, as livekit-server's participant lookup does. Every call runs on {@code executor}, so
 * that taking a room's lock never happens on the event loop that received the request.
 */
public final class EmbeddedRoomService implements RoomService {

    private final Rooms rooms;
    private final RoomServiceConfig config;
    private final ServerDataSender data;
    private final Executor executor;

    /**
     * @param executor where calls run; a thread-per-call or small pool executor, not an event loop
     */
    public EmbeddedRoomService(Rooms rooms, RoomServiceConfig config, ServerDataSender data, Executor executor) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(data, "data");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request) {
        return call(() -> {
            config.checkRoomName(request.getName());
            config.checkMetadata(request.getMetadata());
            if (request.getName().isEmpty()) {
                throw invalid("no room name");
            }
            RoomName name = parseRoom(request.getName())
                    .orElseThrow(() -> invalid("room name must not contain control characters"));
            RoomSettings defaults = config.defaultRoomSettings();
            RoomSettings settings = new RoomSettings(
                    orDefault(request.getEmptyTimeout(), defaults.emptyTimeoutSeconds()),
                    orDefault(request.getDepartureTimeout(), defaults.departureTimeoutSeconds()),
                    orDefault(request.getMaxParticipants(), defaults.maxParticipants()));
            return LiveKitInfos.room(rooms.create(name, settings, request.getMetadata()));
        });
    }

    @Override
    public CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names) {
        return call(() -> {
            List<RoomInfo> found = new ArrayList<>();
            if (names.isEmpty()) {
                found.addAll(rooms.list());
                found.sort(Comparator.comparingLong(RoomInfo::creationTimeMillis)
                        .thenComparing(r -> r.name().value()));
            } else {
                for (String name : new LinkedHashSet<>(names)) {
                    parseRoom(name).flatMap(rooms::find).ifPresent(found::add);
                }
            }
            return found.stream().map(LiveKitInfos::room).toList();
        });
    }

    @Override
    public CompletionStage<Void> deleteRoom(String room) {
        return call(() -> {
            RoomName name = parseRoom(room).orElseThrow(RoomServiceException::roomNotFound);
            if (!rooms.delete(name, RoomCloseReason.DELETED)) {
                throw RoomServiceException.roomNotFound();
            }
            return null;
        });
    }

    @Override
    public CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room) {
        return call(() -> parseRoom(room).map(rooms::participants).orElse(List.of()).stream()
                .map(LiveKitInfos::participant).toList());
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity) {
        return call(() -> LiveKitInfos.participant(participant(room, identity).info()));
    }

    @Override
    public CompletionStage<Void> removeParticipant(String room, String identity) {
        return call(() -> {
            participant(room, identity).leave(DisconnectReason.PARTICIPANT_REMOVED);
            return null;
        });
    }

    @Override
    public CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity, String trackSid,
                                                                        boolean muted) {
        return call(() -> {
            ParticipantSession session = participantInLiveRoom(room, identity);
            if (!muted && !config.enableRemoteUnmute()) {
                throw new RoomServiceException(RoomServiceException.Code.FAILED_PRECONDITION,
                        "remote unmute not enabled");
            }
            Optional<TrackId> track = parseTrack(trackSid);
            if (track.isEmpty()) {
                return LivekitModels.TrackInfo.getDefaultInstance();
            }
            try {
                return LiveKitInfos.track(session.publisher().setMuted(track.get(), muted));
            } catch (RoomException e) {
                if (e.reason() == RoomException.Reason.TRACK_NOT_FOUND) {
                    // livekit-server answers an unknown track with a response that has no track, not an error
                    return LivekitModels.TrackInfo.getDefaultInstance();
                }
                throw e;
            }
        });
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(
            LivekitRoom.UpdateParticipantRequest request) {
        return call(() -> {
            config.checkParticipantName(request.getName());
            config.checkMetadata(request.getMetadata());
            config.checkAttributes(request.getAttributesMap());
            ParticipantSession session = participant(request.getRoom(), request.getIdentity());
            return LiveKitInfos.participant(AdminParticipantUpdate.apply(session, request));
        });
    }

    @Override
    public CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request) {
        return call(() -> {
            ParticipantSession session = participantInLiveRoom(request.getRoom(), request.getIdentity());
            AdminSubscriptions.apply(session, request);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request) {
        return call(() -> {
            RoomName room = parseRoom(request.getRoom()).filter(r -> rooms.find(r).isPresent())
                    .orElseThrow(RoomServiceException::roomNotFound);
            ServerData packet = ServerData.of(request, rooms.participants(room));
            if (packet.addressed()) {
                data.send(room, packet.packet(), packet.destinationIdentities(), packet.reliable());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata) {
        return call(() -> {
            config.checkMetadata(metadata);
            RoomName name = parseRoom(room).orElseThrow(RoomServiceException::roomNotFound);
            return LiveKitInfos.room(rooms.updateMetadata(name, metadata)
                    .orElseThrow(RoomServiceException::roomNotFound));
        });
    }

    /** A participant by identity; a missing room is a missing participant, as in livekit-server's store lookup. */
    private ParticipantSession participant(String room, String identity) {
        return parseRoom(room).flatMap(r -> parseIdentity(identity).flatMap(i -> rooms.session(r, i)))
                .orElseThrow(RoomServiceException::participantNotFound);
    }

    /** A participant of a room that must exist: livekit-server's {@code roomAndParticipantForReq}. */
    private ParticipantSession participantInLiveRoom(String room, String identity) {
        RoomName name = parseRoom(room).filter(r -> rooms.find(r).isPresent())
                .orElseThrow(RoomServiceException::roomNotFound);
        return parseIdentity(identity).flatMap(i -> rooms.session(name, i))
                .orElseThrow(RoomServiceException::participantNotFound);
    }

    private <T> CompletionStage<T> call(Supplier<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return body.get();
            } catch (RoomException e) {
                throw failure(e);
            }
        }, executor);
    }

    /** A media-core refusal met halfway through a call (the participant left meanwhile, say) as a Twirp error. */
    static RoomServiceException failure(RoomException e) {
        return switch (e.reason()) {
            case ROOM_NOT_FOUND, ROOM_CLOSED -> RoomServiceException.roomNotFound();
            case PARTICIPANT_NOT_FOUND -> RoomServiceException.participantNotFound();
            case TRACK_NOT_FOUND -> new RoomServiceException(RoomServiceException.Code.NOT_FOUND, "track is not found");
            case ROOM_FULL -> new RoomServiceException(RoomServiceException.Code.RESOURCE_EXHAUSTED, e.getMessage());
            case PERMISSION_DENIED ->
                    new RoomServiceException(RoomServiceException.Code.PERMISSION_DENIED, e.getMessage());
            case INVALID_REQUEST -> invalid(e.getMessage());
        };
    }

    /** A {@code uint32} setting of the request, 0 meaning "the default"; huge values are capped, not wrapped. */
    private static int orDefault(int requested, int fallback) {
        return requested == 0 ? fallback : (int) Math.min(Integer.toUnsignedLong(requested), Integer.MAX_VALUE);
    }

    private static RoomServiceException invalid(String message) {
        return new RoomServiceException(RoomServiceException.Code.INVALID_ARGUMENT, message);
    }

    /** A name media-core cannot hold (empty, too long, control characters) names no room. */
    static Optional<RoomName> parseRoom(String name) {
        try {
            return Optional.of(new RoomName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<ParticipantIdentity> parseIdentity(String identity) {
        try {
            return Optional.of(new ParticipantIdentity(identity));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<TrackId> parseTrack(String sid) {
        try {
            return Optional.of(new TrackId(sid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
