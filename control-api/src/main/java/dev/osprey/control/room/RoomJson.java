package dev.osprey.control.room;

import dev.osprey.control.db.Room;
import dev.osprey.control.db.RoomSettings;
import dev.osprey.control.http.Times;

import java.util.LinkedHashMap;
import java.util.Map;

/** Room objects as Bedrud's JSON has them (bedrud-api.md §4). */
public final class RoomJson {

    private RoomJson() {
    }

    public static Map<String, Object> settings(RoomSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowChat", s.allowChat());
        m.put("allowVideo", s.allowVideo());
        m.put("allowAudio", s.allowAudio());
        m.put("requireApproval", s.requireApproval());
        m.put("e2ee", s.e2ee());
        m.put("isPersistent", s.isPersistent());
        m.put("recordingsAllowed", s.recordingsAllowed());
        return m;
    }

    /** The full Room object. */
    public static Map<String, Object> full(Room r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("createdBy", r.createdBy());
        m.put("isActive", r.active());
        m.put("maxParticipants", r.maxParticipants());
        m.put("createdAt", Times.rfc3339(r.createdAt()));
        m.put("updatedAt", Times.rfc3339(r.updatedAt()));
        m.put("expiresAt", Times.rfc3339(r.expiresAt()));
        m.put("adminId", r.effectiveAdminId());
        m.put("isPublic", r.isPublic());
        m.put("settings", settings(r.settings()));
        m.put("mode", r.mode());
        m.put("lastActivityAt", Times.rfc3339(r.lastActivityAt()));
        if (r.deletedAt() != null) {
            m.put("deletedAt", Times.rfc3339(r.deletedAt()));
        }
        return m;
    }
}
