package dev.osprey.control.room;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.db.Room;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;

import java.util.Map;
import java.util.function.Function;

/**
 * In-meeting moderation (bedrud-api.md §2.3, §7): every action goes through the room service — RemoveParticipant,
 * MutePublishedTrack, UpdateParticipant metadata, or a {@code system}-topic SendData — with Bedrud's authorization:
 * room admin or superadmin for mute/promote/demote, "room moderator" for the rest.
 */
public final class ModerationEndpoints {

    private static final Map<String, Object> SUCCESS = Map.of("status", "success");

    private final ControlContext ctx;
    private final RoomRules rules;
    private final MediaRooms media;

    public ModerationEndpoints(ControlContext ctx, RoomRules rules, MediaRooms media) {
        this.ctx = ctx;
        this.rules = rules;
        this.media = media;
    }

    public void register(ApiRouter api) {
        api.post("/api/room/:roomId/kick/:identity", Guard.AM, call -> remove(call, false));
        api.post("/api/room/:roomId/ban/:identity", Guard.AM, call -> remove(call, true));
        api.post("/api/room/:roomId/mute/:identity", Guard.AM, this::mute);
        api.post("/api/room/:roomId/video/:identity/off", Guard.AM, call -> muteSources(call,
                t -> t.getType() == TrackType.VIDEO && t.getSource() == TrackSource.CAMERA));
        api.post("/api/room/:roomId/screenshare/:identity/stop", Guard.AM, call -> muteSources(call,
                t -> t.getSource() == TrackSource.SCREEN_SHARE || t.getSource() == TrackSource.SCREEN_SHARE_AUDIO));
        api.post("/api/room/:roomId/promote/:identity", Guard.AM, call -> moderator(call, true));
        api.post("/api/room/:roomId/demote/:identity", Guard.AM, call -> moderator(call, false));
        api.post("/api/room/:roomId/chat/:identity/block", Guard.AM, this::blockChat);
        api.post("/api/room/:roomId/deafen/:identity", Guard.AM, call -> notify(call, "deafen", true));
        api.post("/api/room/:roomId/undeafen/:identity", Guard.AM, call -> notify(call, "undeafen", true));
        api.post("/api/room/:roomId/spotlight/:identity", Guard.AM, call -> notify(call, "spotlight", false));
        api.post("/api/room/:roomId/ask/:identity/:action", Guard.AM, this::ask);
        api.post("/api/room/:roomId/stage/:identity/bring", Guard.AM, call -> notImplemented());
        api.post("/api/room/:roomId/stage/:identity/remove", Guard.AM, call -> notImplemented());
    }

    private static Reply notImplemented() {
        throw new ApiException(501, "not yet implemented");
    }

    /** The room, or Bedrud's plain-text 404 of the moderation routes. */
    private Room room(Call call) {
        return ctx.store().rooms().findById(call.path("roomId")).orElse(null);
    }

    private void requireModerator(SessionClaims caller, Room room) {
        if (!rules.isRoomModerator(caller, room)) {
            throw ApiException.forbidden("Insufficient permissions");
        }
    }

    private Reply guarded(Call call, Function<Room, Reply> action) {
        Room room = room(call);
        if (room == null) {
            return Reply.text(404, "Not Found");
        }
        try {
            return action.apply(room);
        } catch (RoomServiceException e) {
            throw ApiException.internal("Failed to reach the media server");
        }
    }

    Reply remove(Call call, boolean ban) {
        return guarded(call, room -> {
            SessionClaims caller = call.caller();
            String target = call.path("identity");
            requireModerator(caller, room);
            String verb = ban ? "ban" : "kick";
            if (target.equals(caller.userId())) {
                throw ApiException.badRequest("Cannot " + verb + " yourself");
            }
            if (target.equals(room.effectiveAdminId())) {
                throw ApiException.forbidden("Cannot " + verb + " the room admin");
            }
            media.removeQuietly(room.name(), target);
            media.systemQuietly(room.name(), MediaRooms.event(verb, caller.userId(), target), null);
            long now = ctx.now();
            if (ban) {
                ctx.store().participants().ban(room.id(), target, now);
            } else {
                ctx.store().participants().markLeft(room.id(), target, now);
            }
            return Reply.ok(SUCCESS);
        });
    }

    Reply mute(Call call) {
        return guarded(call, room -> {
            SessionClaims caller = call.caller();
            String target = call.path("identity");
            if (!RoomRules.isRoomAdmin(caller, room)) {
                throw ApiException.forbidden("Insufficient permissions");
            }
            if (target.equals(room.effectiveAdminId()) && !target.equals(caller.userId())) {
                throw ApiException.forbidden("Cannot mute the room admin");
            }
            LivekitModels.ParticipantInfo p = connected(room, target);
            media.muteTracks(room.name(), p, t -> t.getType() == TrackType.AUDIO);
            return Reply.ok(SUCCESS);
        });
    }

    Reply muteSources(Call call, java.util.function.Predicate<LivekitModels.TrackInfo> which) {
        return guarded(call, room -> {
            requireModerator(call.caller(), room);
            LivekitModels.ParticipantInfo p = connected(room, call.path("identity"));
            media.muteTracks(room.name(), p, which);
            return Reply.ok(SUCCESS);
        });
    }

    private LivekitModels.ParticipantInfo connected(Room room, String identity) {
        return media.participant(room.name(), identity)
                .orElseThrow(() -> ApiException.notFound("Participant not found"));
    }

    Reply moderator(Call call, boolean promote) {
        return guarded(call, room -> {
            if (!RoomRules.isRoomAdmin(call.caller(), room)) {
                throw ApiException.forbidden("Insufficient permissions");
            }
            String target = call.path("identity");
            LivekitModels.ParticipantInfo p = connected(room, target);
            ObjectNode metadata = metadata(p);
            ArrayNode accesses = metadata.has("accesses") && metadata.get("accesses").isArray()
                    ? (ArrayNode) metadata.get("accesses") : metadata.putArray("accesses");
            boolean has = false;
            for (int i = accesses.size() - 1; i >= 0; i--) {
                if ("moderator".equals(accesses.get(i).asText())) {
                    has = true;
                    if (!promote) {
                        accesses.remove(i);
                    }
                }
            }
            if (promote && has) {
                return Reply.ok(Map.of("status", "already_moderator"));
            }
            if (promote) {
                accesses.add("moderator");
            }
            media.updateMetadata(room.name(), target, metadata.toString());
            ctx.store().participants().setModerator(room.id(), target, promote);
            return Reply.ok(SUCCESS);
        });
    }

    Reply blockChat(Call call) {
        return guarded(call, room -> {
            requireModerator(call.caller(), room);
            String target = call.path("identity");
            LivekitModels.ParticipantInfo p = connected(room, target);
            ObjectNode metadata = metadata(p);
            metadata.put("chatBlocked", true);
            media.updateMetadata(room.name(), target, metadata.toString());
            ctx.store().participants().setChatBlocked(room.id(), target);
            return Reply.ok(SUCCESS);
        });
    }

    Reply notify(Call call, String event, boolean targeted) {
        return guarded(call, room -> {
            requireModerator(call.caller(), room);
            String target = call.path("identity");
            media.system(room.name(), MediaRooms.event(event, call.caller().userId(), target),
                    targeted ? target : null);
            return Reply.ok(SUCCESS);
        });
    }

    Reply ask(Call call) {
        String action = call.path("action");
        if (!action.equals("unmute") && !action.equals("camera")) {
            throw ApiException.badRequest("Unknown action");
        }
        return notify(call, "ask_" + action, true);
    }

    /** The participant's metadata as a JSON object (anything else starts from an empty object). */
    private static ObjectNode metadata(LivekitModels.ParticipantInfo p) {
        try {
            var node = ApiRouter.JSON.readTree(p.getMetadata().isEmpty() ? "{}" : p.getMetadata());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (Exception e) {
            // participants may write their own metadata; unreadable metadata is replaced
        }
        return ApiRouter.JSON.createObjectNode();
    }
}
