package dev.osprey.control.support;

import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link RoomService} that behaves like LiveKit's for the calls the control API makes (rooms by name,
 * participants with tracks, not-found errors) and records every call, so tests assert what the API asked for.
 */
public final class FakeRoomService implements RoomService {

    private final Map<String, LivekitModels.Room> rooms = new LinkedHashMap<>();
    private final Map<String, Map<String, LivekitModels.ParticipantInfo>> participants = new LinkedHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<LivekitRoom.SendDataRequest> sent = new CopyOnWriteArrayList<>();
    public final List<LivekitRoom.UpdateParticipantRequest> updates = new CopyOnWriteArrayList<>();
    public volatile boolean failCreate;

    /** Puts a connected participant with the given tracks into a room (creating the room). */
    public synchronized void connect(String room, String identity, String name, LivekitModels.TrackInfo... tracks) {
        rooms.computeIfAbsent(room, n -> LivekitModels.Room.newBuilder().setName(n).setSid("RM_" + n).build());
        var info = LivekitModels.ParticipantInfo.newBuilder().setIdentity(identity).setName(name)
                .setSid("PA_" + identity).setState(LivekitModels.ParticipantInfo.State.ACTIVE)
                .setJoinedAt(1_700_000_000L).setMetadata("{\"accesses\":[\"user\"]}");
        for (LivekitModels.TrackInfo t : tracks) {
            info.addTracks(t);
        }
        participants.computeIfAbsent(room, n -> new LinkedHashMap<>()).put(identity, info.build());
    }

    public static LivekitModels.TrackInfo track(String sid, LivekitModels.TrackType type,
                                                LivekitModels.TrackSource source) {
        return LivekitModels.TrackInfo.newBuilder().setSid(sid).setType(type).setSource(source).build();
    }

    public synchronized java.util.Optional<LivekitModels.Room> room(String name) {
        return java.util.Optional.ofNullable(rooms.get(name));
    }

    public synchronized java.util.Optional<LivekitModels.ParticipantInfo> participantInfo(String room,
                                                                                        String identity) {
        return java.util.Optional.ofNullable(participants.getOrDefault(room, Map.of()).get(identity));
    }

    /** A participant's own disconnect (no API call is recorded). */
    public synchronized boolean disconnect(String room, String identity) {
        var map = participants.get(room);
        return map != null && map.remove(identity) != null;
    }

    public synchronized boolean hasRoom(String name) {
        return rooms.containsKey(name);
    }

    public List<String> callsStartingWith(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    @Override
    public synchronized CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request) {
        calls.add("createRoom:" + request.getName() + ":" + request.getMaxParticipants());
        if (failCreate) {
            return CompletableFuture.failedFuture(new RoomServiceException(RoomServiceException.Code.INTERNAL, "down"));
        }
        LivekitModels.Room room = rooms.computeIfAbsent(request.getName(), n -> LivekitModels.Room.newBuilder()
                .setName(n).setSid("RM_" + n).build());
        room = room.toBuilder().setMaxParticipants(request.getMaxParticipants()).build();
        rooms.put(request.getName(), room);
        return CompletableFuture.completedFuture(room);
    }

    @Override
    public synchronized CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names) {
        calls.add("listRooms");
        List<LivekitModels.Room> out = new ArrayList<>();
        rooms.forEach((name, r) -> {
            if (names.isEmpty() || names.contains(name)) {
                int n = participants.getOrDefault(name, Map.of()).size();
                out.add(r.toBuilder().setNumParticipants(n).build());
            }
        });
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized CompletionStage<Void> deleteRoom(String room) {
        calls.add("deleteRoom:" + room);
        if (rooms.remove(room) == null) {
            return CompletableFuture.failedFuture(RoomServiceException.roomNotFound());
        }
        participants.remove(room);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room) {
        calls.add("listParticipants:" + room);
        if (!rooms.containsKey(room)) {
            return CompletableFuture.failedFuture(RoomServiceException.roomNotFound());
        }
        return CompletableFuture.completedFuture(List.copyOf(participants.getOrDefault(room, Map.of()).values()));
    }

    @Override
    public synchronized CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity) {
        calls.add("getParticipant:" + room + ":" + identity);
        var p = participants.getOrDefault(room, Map.of()).get(identity);
        return p == null ? CompletableFuture.failedFuture(RoomServiceException.participantNotFound())
                : CompletableFuture.completedFuture(p);
    }

    @Override
    public synchronized CompletionStage<Void> removeParticipant(String room, String identity) {
        calls.add("removeParticipant:" + room + ":" + identity);
        var map = participants.getOrDefault(room, Map.of());
        if (!map.containsKey(identity)) {
            return CompletableFuture.failedFuture(RoomServiceException.participantNotFound());
        }
        participants.get(room).remove(identity);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity,
                                                                                  String trackSid, boolean muted) {
        calls.add("mutePublishedTrack:" + room + ":" + identity + ":" + trackSid + ":" + muted);
        var p = participants.getOrDefault(room, Map.of()).get(identity);
        if (p == null) {
            return CompletableFuture.failedFuture(RoomServiceException.participantNotFound());
        }
        return p.getTracksList().stream().filter(t -> t.getSid().equals(trackSid)).findFirst()
                .map(t -> CompletableFuture.completedFuture(t.toBuilder().setMuted(muted).build()))
                .orElseGet(() -> CompletableFuture.failedFuture(new RoomServiceException(
                        RoomServiceException.Code.NOT_FOUND, "track not found")));
    }

    @Override
    public synchronized CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(
            LivekitRoom.UpdateParticipantRequest request) {
        calls.add("updateParticipant:" + request.getRoom() + ":" + request.getIdentity());
        updates.add(request);
        var map = participants.getOrDefault(request.getRoom(), Map.of());
        var p = map.get(request.getIdentity());
        if (p == null) {
            return CompletableFuture.failedFuture(RoomServiceException.participantNotFound());
        }
        var updated = p.toBuilder().setMetadata(request.getMetadata()).build();
        participants.get(request.getRoom()).put(request.getIdentity(), updated);
        return CompletableFuture.completedFuture(updated);
    }

    @Override
    public synchronized CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request) {
        calls.add("updateSubscriptions:" + request.getRoom() + ":" + request.getIdentity());
        if (!rooms.containsKey(request.getRoom())) {
            return CompletableFuture.failedFuture(RoomServiceException.roomNotFound());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request) {
        calls.add("sendData:" + request.getRoom() + ":" + request.getTopic());
        sent.add(request);
        if (!rooms.containsKey(request.getRoom())) {
            return CompletableFuture.failedFuture(RoomServiceException.roomNotFound());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata) {
        calls.add("updateRoomMetadata:" + room);
        return CompletableFuture.failedFuture(RoomServiceException.roomNotFound());
    }
}
