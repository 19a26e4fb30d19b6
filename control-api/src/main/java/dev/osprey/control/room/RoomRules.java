package dev.osprey.control.room;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.db.Participant;
import dev.osprey.control.db.Room;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.Call;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Bedrud's room rules: slugs, modes, who moderates, who may enter, and the browser's LiveKit URL. */
public final class RoomRules {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final Set<String> MODES = Set.of("standard", "webinar", "broadcast");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ControlContext ctx;

    public RoomRules(ControlContext ctx) {
        this.ctx = ctx;
    }

    /** Trimmed, lowercased slug of 3–63 characters, or 400. */
    public static String slug(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (name.length() < 3 || name.length() > 63 || !SLUG.matcher(name).matches()) {
            throw ApiException.badRequest("Room name must be 3-63 characters: lowercase letters, digits and hyphens");
        }
        return name;
    }

    /** A random {@code abc-defg-hij} slug. */
    public static String randomSlug() {
        return letters(3) + "-" + letters(4) + "-" + letters(3);
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    public Room byId(String id) {
        return ctx.store().rooms().findById(id).orElseThrow(() -> ApiException.notFound("Room not found"));
    }

    public Room byName(String name) {
        return ctx.store().rooms().findByName(name).orElseThrow(() -> ApiException.notFound("Room not found"));
    }

    /** Superadmin or the room's administrator. */
    public static boolean isRoomAdmin(SessionClaims caller, Room room) {
        return caller.isSuperadmin() || room.effectiveAdminId().equals(caller.userId());
    }

    /** Bedrud's {@code isRoomModerator}: superadmin, room admin, or a participant flagged moderator. */
    public boolean isRoomModerator(SessionClaims caller, Room room) {
        return isRoomAdmin(caller, room) || ctx.store().participants().find(room.id(), caller.userId())
                .map(Participant::moderator).orElse(false);
    }

    /** 410 for an ended room. */
    public static void requireActive(Room room) {
        if (!room.active()) {
            throw new ApiException(410, "room is no longer active");
        }
    }

    /** Entry checks shared by join, guest-join and refresh-token: ban, privacy, capacity. */
    public void checkEntry(Room room, String userId, boolean isCreator, boolean checkCapacity) {
        Optional<Participant> row = ctx.store().participants().find(room.id(), userId);
        if (row.map(Participant::banned).orElse(false)) {
            throw ApiException.forbidden("you are banned from this room");
        }
        boolean activeMember = row.map(Participant::active).orElse(false);
        if (!room.isPublic() && !isCreator && !activeMember) {
            throw ApiException.forbidden(room.settings().requireApproval() ? "This room requires approval to join"
                    : "This room is private");
        }
        if (checkCapacity && room.maxParticipants() > 0 && !activeMember
                && ctx.store().participants().countActive(room.id()) >= room.maxParticipants()) {
            throw ApiException.forbidden("room is full");
        }
    }

    /** {@code livekit.host}, upgraded to TLS schemes when the page calling us was served over https. */
    public String livekitHost(Call call) {
        String host = ctx.config().livekit().host();
        String origin = call.header("Origin");
        if (origin == null || origin.isEmpty()) {
            origin = call.header("Referer");
        }
        if (origin != null && origin.startsWith("https://")) {
            if (host.startsWith("ws://")) {
                return "wss://" + host.substring(5);
            }
            if (host.startsWith("http://")) {
                return "https://" + host.substring(7);
            }
        }
        return host;
    }
}
