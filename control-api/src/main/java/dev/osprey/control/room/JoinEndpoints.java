package dev.osprey.control.room;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.Inputs;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.auth.Sessions;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entering rooms: join, guest-join, check and token refresh (bedrud-api.md §2.3, §3.2). */
public final class JoinEndpoints {

    private final ControlContext ctx;
    private final RoomRules rules;
    private final JoinTokens joinTokens;
    private final GuestIdentity guests;

    public JoinEndpoints(ControlContext ctx, RoomRules rules) {
        this.ctx = ctx;
        this.rules = rules;
        this.joinTokens = new JoinTokens(ctx.config().livekit().apiKey(), ctx.config().livekit().apiSecret(),
                ctx.clock());
        this.guests = new GuestIdentity(ctx.config().auth().sessionSecret());
    }

    public void register(ApiRouter api) {
        api.post("/api/room/join", Guard.AM, this::join);
        api.route(HttpMethod.POST, "/api/room/guest-join", Guard.NONE, ctx.limiters().guest(), this::guestJoin);
        api.route(HttpMethod.GET, "/api/room/check/:roomName", Guard.NONE, ctx.limiters().guest(), this::check);
        api.route(HttpMethod.POST, "/api/room/refresh-token", Guard.AM, ctx.limiters().api(), this::refreshToken);
    }

    private static String roomName(Call call) {
        String name = call.body().stringOrEmpty("roomName").strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty()) {
            throw ApiException.badRequest("roomName required");
        }
        return name;
    }

    Reply join(Call call) {
        String name = roomName(call);
        SessionClaims caller = call.caller();
        Room room = rules.byName(name);
        boolean creator = room.createdBy().equals(caller.userId());
        if (!room.active()) {
            if (creator) {
                Map<String, Object> archived = new LinkedHashMap<>();
                archived.put("status", "archived_owned");
                archived.put("name", room.name());
                archived.put("mode", room.mode());
                archived.put("settings", RoomJson.settings(room.settings()));
                return Reply.ok(archived);
            }
            RoomRules.requireActive(room);
        }
        rules.checkEntry(room, caller.userId(), creator || caller.isSuperadmin(), true);
        User user = ctx.store().users().findById(caller.userId())
                .orElseThrow(() -> ApiException.unauthorized("User not found"));
        long now = ctx.now();
        ctx.store().participants().upsertActive(room.id(), user.id(), creator, now);
        ctx.store().rooms().touch(room.id(), now);
        ctx.events().dispatch("participant.joined", room.id(), room.name(), user.id());
        String metadata = accessesMetadata(user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", room.id());
        out.put("name", room.name());
        out.put("token", joinTokens.mint(room.name(), user.id(), user.name(), metadata));
        out.put("createdBy", room.createdBy());
        out.put("adminId", room.effectiveAdminId());
        out.put("isActive", room.active());
        out.put("isPublic", room.isPublic());
        out.put("maxParticipants", room.maxParticipants());
        out.put("expiresAt", Times.rfc3339(room.expiresAt()));
        out.put("settings", RoomJson.settings(room.settings()));
        out.put("livekitHost", rules.livekitHost(call));
        out.put("mode", room.mode());
        out.put("activeRecordingId", null);
        return Reply.ok(out);
    }

    static String accessesMetadata(User user) {
        try {
            return ApiRouter.JSON.writeValueAsString(Map.of("accesses", user.accesses()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.internal("Failed to encode participant metadata");
        }
    }

    Reply guestJoin(Call call) {
        String name = call.body().stringOrEmpty("roomName").strip().toLowerCase(java.util.Locale.ROOT);
        String guestName = Inputs.sanitizeName(call.body().stringOrEmpty("guestName"));
        if (!ctx.settings().guestLoginEnabled()) {
            throw ApiException.forbidden("Guest login is currently disabled");
        }
        if (guestName.isEmpty()) {
            throw ApiException.badRequest("Guest name is required");
        }
        if (guestName.codePointCount(0, guestName.length()) > 50) {
            throw ApiException.badRequest("Guest name too long (max 50 characters)");
        }
        if (name.isEmpty()) {
            throw ApiException.badRequest("roomName required");
        }
        Room room = rules.byName(name);
        RoomRules.requireActive(room);
        String id = guests.verify(call.cookie(GuestIdentity.COOKIE));
        if (id == null) {
            id = guests.newId();
        }
        rules.checkEntry(room, id, false, true);
        long now = ctx.now();
        User guest = RoomEndpoints.guestUser(id, guestName, now);
        ctx.store().users().upsertGuest(guest);
        User stored = ctx.store().users().findById(id).orElseThrow();
        ctx.store().participants().upsertActive(room.id(), id, false, now);
        ctx.store().rooms().touch(room.id(), now);
        ctx.events().dispatch("participant.joined", room.id(), room.name(), id);
        Sessions.Pair pair = ctx.sessions().open(stored);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", room.id());
        out.put("name", room.name());
        out.put("token", joinTokens.mint(room.name(), id, guestName, null));
        out.put("adminId", room.effectiveAdminId());
        out.put("isPublic", room.isPublic());
        out.put("livekitHost", rules.livekitHost(call));
        out.put("activeRecordingId", null);
        out.put("accessToken", pair.access().token());
        out.put("refreshToken", pair.refresh().token());
        out.put("tokens", pair.camel());
        Cookie cookie = Cookie.cookie(GuestIdentity.COOKIE, guests.cookieValue(id)).setPath("/").setHttpOnly(true)
                .setMaxAge(Duration.ofDays(30).toSeconds()).setSameSite(CookieSameSite.LAX);
        return Reply.ok(out).cookie(cookie);
    }

    Reply check(Call call) {
        String name = RoomRules.slug(call.path("roomName"));
        Room room = rules.byName(name);
        RoomRules.requireActive(room);
        if (!room.isPublic()) {
            throw ApiException.forbidden("This room is private");
        }
        if (room.maxParticipants() > 0
                && ctx.store().participants().countActive(room.id()) >= room.maxParticipants()) {
            throw ApiException.forbidden("room is full");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exists", true);
        out.put("name", room.name());
        return Reply.ok(out);
    }

    Reply refreshToken(Call call) {
        String name = roomName(call);
        SessionClaims caller = call.caller();
        Room room = rules.byName(name);
        RoomRules.requireActive(room);
        boolean creator = room.createdBy().equals(caller.userId());
        rules.checkEntry(room, caller.userId(), creator || caller.isSuperadmin(), false);
        User user = ctx.store().users().findById(caller.userId())
                .orElseThrow(() -> ApiException.unauthorized("User not found"));
        String metadata = user.isGuest() ? null : accessesMetadata(user);
        return Reply.ok(Map.of("token", joinTokens.mint(room.name(), user.id(), user.name(), metadata)));
    }
}
