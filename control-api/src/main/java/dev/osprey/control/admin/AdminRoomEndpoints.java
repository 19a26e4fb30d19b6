package dev.osprey.control.admin;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.RoomSettings;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import dev.osprey.control.room.MediaRooms;
import dev.osprey.control.room.PresenceEndpoints;
import dev.osprey.control.room.RoomCleanup;
import dev.osprey.control.room.RoomJson;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's room actions (bedrud-api.md §2.4: update, close, suspend, reactivate, participants, kick, mute, bulk),
 * online count and LiveKit stats, superadmin only; the list and the time line are {@link AdminRoomQueries}.
 */
public final class AdminRoomEndpoints {

    private final ControlContext ctx;
    private final MediaRooms media;

    public AdminRoomEndpoints(ControlContext ctx) {
        this.ctx = ctx;
        this.media = new MediaRooms(ctx.rooms());
    }

    public void register(ApiRouter api) {
        // bulk routes first: "bulk" would otherwise match :roomId
        api.post("/api/admin/rooms/bulk/suspend", Guard.SA, call -> bulk(call, true));
        api.post("/api/admin/rooms/bulk/close", Guard.SA, call -> bulk(call, false));
        api.put("/api/admin/rooms/:roomId", Guard.SA, this::update);
        api.delete("/api/admin/rooms/:roomId", Guard.SA, this::close);
        api.post("/api/admin/rooms/:roomId/suspend", Guard.SA, this::suspend);
        api.post("/api/admin/rooms/:roomId/reactivate", Guard.SA, this::reactivate);
        api.post("/api/admin/rooms/:roomId/token", Guard.SA, call -> {
            throw new ApiException(501, "not yet implemented");
        });
        api.get("/api/admin/rooms/:roomId/participants", Guard.SA, this::participants);
        api.post("/api/admin/rooms/:roomId/participants/:identity/kick", Guard.SA, this::kick);
        api.post("/api/admin/rooms/:roomId/participants/:identity/mute", Guard.SA, this::mute);
        api.get("/api/admin/online-count", Guard.SA,
                call -> Reply.ok(Map.of("count", ctx.store().participants().countOnlineUsers())));
        api.get("/api/admin/livekit/stats", Guard.SA, this::stats);
    }

    private Room room(Call call) {
        return ctx.store().rooms().findById(call.path("roomId"))
                .orElseThrow(() -> ApiException.notFound("Room not found"));
    }

    Reply update(Call call) {
        Room room = room(call);
        JsonBody body = call.body();
        int max = room.maxParticipants();
        Integer requested = body.integer("maxParticipants");
        int limit = ctx.settings().maxParticipantsLimit();
        if (requested != null) {
            if (requested < 1 || requested > limit) {
                throw ApiException.badRequest("maxParticipants must be between 1 and " + limit);
            }
            max = requested;
        }
        RoomSettings s = room.settings();
        JsonBody patch = body.object("settings");
        if (patch != null) {
            s = new RoomSettings(patch.bool("allowChat", s.allowChat()), patch.bool("allowVideo", s.allowVideo()),
                    patch.bool("allowAudio", s.allowAudio()), patch.bool("requireApproval", s.requireApproval()),
                    patch.bool("e2ee", s.e2ee()), patch.bool("isPersistent", s.isPersistent()), s.recordingsAllowed());
        }
        Room updated = new Room(room.id(), room.name(), room.createdBy(), room.adminId(), room.active(),
                room.isPublic(), room.suspended(), room.deletionPending(), max, room.mode(), s, room.createdAt(),
                ctx.now(), room.expiresAt(), room.lastActivityAt(), room.deletedAt());
        if (max != room.maxParticipants() && room.active()) {
            try {
                media.create(room.name(), max);
            } catch (RoomServiceException e) {
                throw ApiException.internal("Failed to update media room");
            }
        }
        ctx.store().rooms().update(updated, ctx.now());
        return Reply.ok(RoomJson.full(room(call)));
    }

    void end(Room room, String event, String message, RoomCleanup.Fate fate) {
        new RoomCleanup(ctx, media).end(room, event, message, fate);
    }

    Reply close(Call call) {
        Room room = room(call);
        end(room, "room_closed", "The meeting was closed by an administrator", RoomCleanup.Fate.HARD_DELETE);
        ctx.events().dispatch("room.ended", room.id(), room.name(), call.caller().userId());
        return Reply.status(202, Map.of("message", "Room close queued"));
    }

    Reply suspend(Call call) {
        Room room = room(call);
        if (!room.active()) {
            throw ApiException.badRequest("Room is not active");
        }
        end(room, "room_suspended", "The meeting was suspended by an administrator", RoomCleanup.Fate.SUSPEND);
        return Reply.status(202, Map.of("message", "Room suspension queued"));
    }

    Reply reactivate(Call call) {
        Room room = room(call);
        if (room.active()) {
            throw ApiException.badRequest("Room is already active");
        }
        if (ctx.store().rooms().activeNameExists(room.name())) {
            throw ApiException.conflict("a room with this name already exists");
        }
        try {
            media.create(room.name(), room.maxParticipants());
        } catch (RoomServiceException e) {
            throw ApiException.internal("Failed to create media room");
        }
        long now = ctx.now();
        ctx.store().rooms().reactivate(room.id(), now, now + Duration.ofHours(24).toMillis());
        return Reply.ok(RoomJson.full(room(call)));
    }

    Reply bulk(Call call, boolean suspend) {
        Map<String, Object> results = new LinkedHashMap<>();
        int failed = 0;
        for (String id : AdminUserEndpoints.ids(call)) {
            Map<String, Object> r = new LinkedHashMap<>();
            Room room = ctx.store().rooms().findById(id).orElse(null);
            if (room == null || suspend && !room.active()) {
                failed++;
                r.put("success", false);
                r.put("error", room == null ? "Room not found" : "Room is not active");
            } else {
                if (suspend) {
                    end(room, "room_suspended", "The meeting was suspended by an administrator",
                            RoomCleanup.Fate.SUSPEND);
                } else {
                    end(room, "room_closed", "The meeting was closed by an administrator",
                            RoomCleanup.Fate.HARD_DELETE);
                }
                r.put("success", true);
                r.put("name", room.name());
            }
            results.put(id, r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("totalProcessed", results.size());
        out.put("totalFailed", failed);
        return Reply.status(202, out);
    }

    Reply participants(Call call) {
        Room room = room(call);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LivekitModels.ParticipantInfo p : media.participants(room.name())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sid", p.getSid());
            m.put("identity", p.getIdentity());
            m.put("name", p.getName());
            m.put("state", p.getState().name());
            m.put("joinedAt", p.getJoinedAt());
            m.put("isPublisher", p.getIsPublisher());
            m.put("tracks", PresenceEndpoints.tracks(p, true));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participants", out);
        body.put("room", RoomJson.full(room));
        return Reply.ok(body);
    }

    Reply kick(Call call) {
        Room room = room(call);
        String identity = call.path("identity");
        media.removeQuietly(room.name(), identity);
        media.systemQuietly(room.name(), MediaRooms.event("kick", call.caller().userId(), identity), null);
        ctx.store().participants().markLeft(room.id(), identity, ctx.now());
        return Reply.ok(Map.of("status", "success"));
    }

    Reply mute(Call call) {
        Room room = room(call);
        LivekitModels.ParticipantInfo p = media.participant(room.name(), call.path("identity"))
                .orElseThrow(() -> ApiException.notFound("Participant not found"));
        media.muteTracks(room.name(), p, t -> t.getType() == LivekitModels.TrackType.AUDIO);
        return Reply.ok(Map.of("status", "success"));
    }

    Reply stats(Call call) {
        List<Map<String, Object>> rooms = new ArrayList<>();
        long participants = 0;
        long publishers = 0;
        for (LivekitModels.Room r : media.listRooms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.getName());
            m.put("numParticipants", r.getNumParticipants());
            m.put("numPublishers", r.getNumPublishers());
            m.put("creationTime", r.getCreationTime());
            participants += r.getNumParticipants();
            publishers += r.getNumPublishers();
            rooms.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalParticipants", participants);
        out.put("totalPublishers", publishers);
        out.put("activeRooms", rooms.size());
        out.put("rooms", rooms);
        return Reply.ok(out);
    }
}
