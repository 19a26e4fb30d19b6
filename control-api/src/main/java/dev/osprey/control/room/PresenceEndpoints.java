package dev.osprey.control.room;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import io.vertx.core.http.HttpMethod;
import livekit.LivekitModels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who is in a room: presence, participant info and profile (bedrud-api.md §2.3), read from the media server. */
public final class PresenceEndpoints {

    private final ControlContext ctx;
    private final RoomRules rules;
    private final MediaRooms media;

    public PresenceEndpoints(ControlContext ctx, RoomRules rules, MediaRooms media) {
        this.ctx = ctx;
        this.rules = rules;
        this.media = media;
    }

    public void register(ApiRouter api) {
        api.route(HttpMethod.GET, "/api/room/:roomId/presence", Guard.OPTIONAL, ctx.limiters().api(), this::presence);
        api.get("/api/room/:roomId/participant/:identity/info", Guard.A, this::info);
        api.get("/api/room/:roomId/participant/:identity/profile", Guard.A, this::profile);
    }

    Reply presence(Call call) {
        Room room = rules.byId(call.path("roomId"));
        boolean countOnly = "1".equals(call.query("countOnly")) || "true".equals(call.query("countOnly"));
        if (countOnly) {
            if (!room.isPublic()) {
                throw ApiException.notFound("Room not found");
            }
            return Reply.ok(Map.of("count", room.active() ? media.participants(room.name()).size() : 0));
        }
        SessionClaims caller = call.callerOrNull();
        if (caller == null) {
            throw ApiException.unauthorized("Missing authorization");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        boolean member = room.isPublic() || rules.isRoomModerator(caller, room) || ctx.store().participants()
                .find(room.id(), caller.userId()).map(p -> p.active()).orElse(false);
        if (member && room.active()) {
            for (LivekitModels.ParticipantInfo p : media.participants(room.name())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("identity", p.getIdentity());
                m.put("name", p.getName());
                m.put("avatarUrl", ctx.store().users().findById(p.getIdentity()).map(User::avatarUrl).orElse(""));
                out.add(m);
            }
        }
        return Reply.ok(Map.of("participants", out));
    }

    Reply info(Call call) {
        Room room = rules.byId(call.path("roomId"));
        String identity = call.path("identity");
        SessionClaims caller = call.caller();
        if (!identity.equals(caller.userId()) && !rules.isRoomModerator(caller, room)) {
            throw ApiException.forbidden("not authorized for this room");
        }
        LivekitModels.ParticipantInfo p = media.participant(room.name(), identity)
                .orElseThrow(() -> ApiException.notFound("Participant not found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identity", p.getIdentity());
        out.put("name", p.getName());
        out.put("state", p.getState().name());
        out.put("joinedAt", p.getJoinedAt());
        out.put("tracks", tracks(p, false));
        return Reply.ok(out);
    }

    /** Track objects {@code {sid,type,source,muted[,bitrate]}} with LiveKit's enum names. */
    public static List<Map<String, Object>> tracks(LivekitModels.ParticipantInfo p, boolean withBitrate) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LivekitModels.TrackInfo t : p.getTracksList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sid", t.getSid());
            m.put("type", t.getType().name());
            m.put("source", t.getSource().name());
            m.put("muted", t.getMuted());
            if (withBitrate) {
                m.put("bitrate", t.getLayersList().stream().mapToLong(l -> l.getBitrate()).sum());
            }
            out.add(m);
        }
        return out;
    }

    Reply profile(Call call) {
        Room room = rules.byId(call.path("roomId"));
        SessionClaims caller = call.caller();
        if (media.participant(room.name(), caller.userId()).isEmpty()) {
            throw ApiException.forbidden("You must be in this meeting");
        }
        String identity = call.path("identity");
        Map<String, Object> out = new LinkedHashMap<>();
        User user = ctx.store().users().findById(identity).orElse(null);
        if (user != null) {
            out.put("id", user.id());
            out.put("name", user.name());
            out.put("avatarUrl", user.avatarUrl());
            return Reply.ok(out);
        }
        LivekitModels.ParticipantInfo p = media.participant(room.name(), identity)
                .orElseThrow(() -> ApiException.notFound("Participant not found"));
        out.put("id", p.getIdentity());
        out.put("name", p.getName());
        out.put("avatarUrl", "");
        return Reply.ok(out);
    }
}
