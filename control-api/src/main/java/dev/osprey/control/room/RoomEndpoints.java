package dev.osprey.control.room;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.auth.Sessions;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.RoomSettings;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import dev.osprey.signaling.api.RoomServiceException;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Room lifecycle of {@code /api/room}: create, list, archive, settings and delete (bedrud-api.md §2.3). */
public final class RoomEndpoints {

    static final long ROOM_LIFETIME_MILLIS = Duration.ofHours(24).toMillis();

    private final ControlContext ctx;
    private final RoomRules rules;
    private final MediaRooms media;

    public RoomEndpoints(ControlContext ctx, RoomRules rules, MediaRooms media) {
        this.ctx = ctx;
        this.rules = rules;
        this.media = media;
    }

    public void register(ApiRouter api) {
        api.route(HttpMethod.POST, "/api/room/create", Guard.AMG, ctx.limiters().api(), this::create);
        api.get("/api/room/list", Guard.AG, this::list);
        api.get("/api/room/archived", Guard.AG, this::archived);
        api.put("/api/room/:roomId/settings", Guard.AMG, this::updateSettings);
        api.delete("/api/room/:roomId", Guard.AMG, this::delete);
    }

    Reply create(Call call) {
        JsonBody body = call.body();
        SessionClaims caller = call.caller();
        String rawName = body.stringOrEmpty("name");
        String name = rawName.isBlank() ? RoomRules.randomSlug() : RoomRules.slug(rawName);
        int max = Math.max(0, body.integer("maxParticipants") == null ? 0 : body.integer("maxParticipants"));
        int limit = ctx.settings().maxParticipantsLimit();
        if (max > limit) {
            throw ApiException.badRequest("maxParticipants must be at most " + limit);
        }
        String mode = body.stringOrEmpty("mode").isEmpty() ? "standard" : body.stringOrEmpty("mode");
        if (!RoomRules.MODES.contains(mode)) {
            throw ApiException.badRequest("Invalid room mode");
        }
        RoomSettings settings = settings(body.object("settings"), false).withRecordingsAllowed(true);
        if (!caller.isSuperadmin()) {
            settings = settings.withPersistent(false);
            int cap = ctx.settings().maxRoomsPerUser();
            if (ctx.store().rooms().countActiveCreatedBy(caller.userId()) >= cap) {
                throw ApiException.forbidden("Room limit reached (max " + cap + " active rooms)");
            }
        }
        if (ctx.store().rooms().activeNameExists(name)) {
            throw ApiException.conflict("a room with this name already exists");
        }
        try {
            media.create(name, max);
        } catch (RoomServiceException e) {
            throw ApiException.internal("Failed to create media room");
        }
        long now = ctx.now();
        Room room = new Room(UUID.randomUUID().toString(), name, caller.userId(), caller.userId(), true,
                body.bool("isPublic", false), false, false, max, mode, settings, now, now, now + ROOM_LIFETIME_MILLIS,
                now, null);
        ctx.store().rooms().insert(room);
        ctx.store().participants().upsertActive(room.id(), caller.userId(), true, now);
        ctx.store().participants().markLeft(room.id(), caller.userId(), now);
        ctx.store().permissions().grantAdmin(room.id(), caller.userId(), now);
        ctx.events().dispatch("room.created", room.id(), room.name(), caller.userId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", room.id());
        out.put("name", room.name());
        out.put("createdBy", room.createdBy());
        out.put("isActive", room.active());
        out.put("isPublic", room.isPublic());
        out.put("maxParticipants", room.maxParticipants());
        out.put("settings", RoomJson.settings(room.settings()));
        out.put("livekitHost", rules.livekitHost(call));
        out.put("mode", room.mode());
        return Reply.ok(out);
    }

    /** Reads a settings object; absent booleans are false (Bedrud replaces the whole object). */
    static RoomSettings settings(JsonBody s, boolean keepPersistent) {
        if (s == null) {
            return new RoomSettings(false, false, false, false, false, keepPersistent, false);
        }
        return new RoomSettings(s.bool("allowChat", false), s.bool("allowVideo", false), s.bool("allowAudio", false),
                s.bool("requireApproval", false), s.bool("e2ee", false), s.bool("isPersistent", keepPersistent),
                s.bool("recordingsAllowed", false));
    }

    Reply list(Call call) {
        List<Map<String, Object>> rooms = ctx.store().rooms().listOwned(call.caller().userId()).stream()
                .map(RoomJson::full).toList();
        return Reply.ok(rooms);
    }

    Reply archived(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 20, 100, 100);
        String userId = call.caller().userId();
        List<Map<String, Object>> rooms = ctx.store().rooms().listArchived(userId, limit, (page - 1) * limit)
                .stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("name", r.name());
                    m.put("createdAt", Times.rfc3339(r.createdAt()));
                    m.put("deletedAt", Times.rfc3339(r.deletedAt()));
                    m.put("recordingCount", 0);
                    return m;
                }).toList();
        return Reply.ok(Paging.body("rooms", rooms, ctx.store().rooms().countArchived(userId), page, limit));
    }

    Reply updateSettings(Call call) {
        Room room = rules.byId(call.path("roomId"));
        SessionClaims caller = call.caller();
        if (!RoomRules.isRoomAdmin(caller, room)) {
            throw ApiException.forbidden("Insufficient permissions");
        }
        JsonBody body = call.body();
        int max = room.maxParticipants();
        Integer requested = body.integer("maxParticipants");
        int limit = ctx.settings().maxParticipantsLimit();
        if (requested != null) {
            if (requested < 0 || requested > limit) {
                throw ApiException.badRequest("maxParticipants must be between 0 and " + limit);
            }
            max = requested;
        }
        RoomSettings settings = room.settings();
        JsonBody s = body.object("settings");
        if (s != null) {
            settings = settings(s, room.settings().isPersistent()).withPersistent(room.settings().isPersistent())
                    .withRecordingsAllowed(room.settings().recordingsAllowed());
        }
        Room updated = new Room(room.id(), room.name(), room.createdBy(), room.adminId(), room.active(),
                body.bool("isPublic", room.isPublic()), room.suspended(), room.deletionPending(), max, room.mode(),
                settings, room.createdAt(), ctx.now(), room.expiresAt(), room.lastActivityAt(), room.deletedAt());
        if (max != room.maxParticipants() && room.active()) {
            try {
                media.create(room.name(), max);
            } catch (RoomServiceException e) {
                throw ApiException.internal("Failed to update media room");
            }
        }
        ctx.store().rooms().update(updated, ctx.now());
        return Reply.ok(RoomJson.full(rules.byId(room.id())));
    }

    Reply delete(Call call) {
        Room room = rules.byId(call.path("roomId"));
        SessionClaims caller = call.caller();
        if (!caller.isSuperadmin() && !room.createdBy().equals(caller.userId())) {
            throw ApiException.forbidden("Only the room creator can delete this room");
        }
        if (!ctx.store().rooms().markDeletionPending(room.id())) {
            throw ApiException.conflict("Deletion already in progress");
        }
        new RoomCleanup(ctx, media).end(room, "room_ended", "The meeting has ended", RoomCleanup.Fate.ARCHIVE);
        ctx.events().dispatch("room.ended", room.id(), room.name(), caller.userId());
        return Reply.status(202, Map.of("message", "Room deletion queued"));
    }

    /** The guest-join user row (a {@code users} row is needed before {@code room_participants}). */
    static User guestUser(String id, String name, long now) {
        return new User(id, id + "@bedrud.guest", name, User.PROVIDER_GUEST, "", null, null, List.of("guest"), true,
                null, null, null, now, now);
    }

    static Map<String, Object> tokens(Sessions.Pair pair) {
        return pair.camel();
    }
}
