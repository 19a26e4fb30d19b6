package dev.osprey.control.admin;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.RoomEvent;
import dev.osprey.control.db.SqlFilter;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import dev.osprey.control.room.Paging;
import dev.osprey.control.room.RoomJson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin's read-only room views (bedrud-api.md §2.4): {@code GET /api/admin/rooms} with its filters and sorts, and
 * {@code GET /api/admin/rooms/events} — room creations and joins as one time line. Invalid filter values are refused
 * with Bedrud's 400 messages.
 */
public final class AdminRoomQueries {

    /** Active, unbanned participants of the row's room (the admin list's {@code participantsCount}). */
    static final String OCCUPANCY = "(SELECT COUNT(*) FROM room_participants p WHERE p.room_id = r.id"
            + " AND p.is_active = TRUE AND p.is_banned = FALSE)";
    private static final Map<String, String> SORTS = Map.of("name", "name", "createdAt", "created_at",
            "maxParticipants", "max_participants", "participantsCount", OCCUPANCY,
            "lastActivityAt", "last_activity_at", "createdBy", "(SELECT u.name FROM users u WHERE u.id = r.created_by)");
    private static final Map<String, String> RANGES = Map.of("empty", " = 0", "1-5", " BETWEEN 1 AND 5",
            "6-20", " BETWEEN 6 AND 20", "20+", " > 20");

    private final ControlContext ctx;

    public AdminRoomQueries(ControlContext ctx) {
        this.ctx = ctx;
    }

    public void register(ApiRouter api) {
        api.get("/api/admin/rooms", Guard.SA, this::list);
        api.get("/api/admin/rooms/events", Guard.SA, this::events);
    }

    Reply list(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 50, 100, 50);
        SqlFilter f = new SqlFilter();
        String q = call.query("q").strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            f.and("LOWER(name) LIKE ?", "%" + q + "%");
        }
        visibility(f, call.query("visibility"));
        status(f, call.query("status"));
        String occupancy = call.query("occupancy");
        if (!occupancy.isEmpty()) {
            f.and(OCCUPANCY + range(occupancy, "Invalid occupancy filter"));
        } else if (!call.query("capacity").isEmpty()) {
            f.and("max_participants" + range(call.query("capacity"), "Invalid capacity filter"));
        }
        String owner = call.query("owner").strip().toLowerCase(Locale.ROOT);
        if (!owner.isEmpty()) {
            f.and("created_by IN (SELECT u.id FROM users u WHERE LOWER(u.name) LIKE ? OR LOWER(u.email) LIKE ?)",
                    "%" + owner + "%", "%" + owner + "%");
        }
        dates(f, call);
        String sort = call.query("sort").isEmpty() ? "createdAt" : call.query("sort");
        if (!SORTS.containsKey(sort)) {
            throw ApiException.badRequest("Invalid sort field");
        }
        String order = order(call.query("order"));
        List<Map<String, Object>> rooms = ctx.store().rooms().page(f, SORTS.get(sort) + " " + order + ", id", limit,
                (page - 1) * limit).stream().map(this::adminRoom).toList();
        return Reply.ok(Paging.body("rooms", rooms, ctx.store().rooms().count(f), page, limit));
    }

    private static void visibility(SqlFilter f, String raw) {
        if (raw.isEmpty()) {
            return;
        }
        boolean isPublic = false;
        boolean isPrivate = false;
        for (String v : raw.split(",", -1)) {
            switch (v) {
                case "public" -> isPublic = true;
                case "private" -> isPrivate = true;
                default -> throw ApiException.badRequest("Invalid visibility: " + v);
            }
        }
        if (isPublic != isPrivate) {
            f.and("is_public = ?", isPublic);
        }
    }

    private static void status(SqlFilter f, String raw) {
        if (raw.isEmpty()) {
            return;
        }
        Set<String> clauses = new java.util.LinkedHashSet<>();
        for (String v : raw.split(",", -1)) {
            clauses.add(switch (v) {
                case "active" -> "(is_active = TRUE AND deleted_at IS NULL)";
                case "suspended" -> "is_suspended = TRUE";
                case "archived" -> "deleted_at IS NOT NULL";
                default -> throw ApiException.badRequest("Invalid status: " + v);
            });
        }
        f.and("(" + String.join(" OR ", clauses) + ")");
    }

    private static String range(String value, String error) {
        String range = RANGES.get(value);
        if (range == null) {
            throw ApiException.badRequest(error);
        }
        return range;
    }

    private void dates(SqlFilter f, Call call) {
        boolean explicit = false;
        for (String[] p : new String[][] {{"dateFrom", "created_at >= ?"}, {"dateTo", "created_at <= ?"},
                {"lastActivityFrom", "last_activity_at >= ?"}, {"lastActivityTo", "last_activity_at <= ?"}}) {
            String raw = call.query(p[0]);
            if (!raw.isEmpty()) {
                f.and(p[1], instant(raw, p[0]));
                explicit |= p[0].startsWith("date");
            }
        }
        String created = call.query("created");
        if (!created.isEmpty()) {
            long since = switch (created) {
                case "today" -> LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC).atStartOfDay()
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
                case "7d" -> ctx.now() - Duration.ofDays(7).toMillis();
                case "30d" -> ctx.now() - Duration.ofDays(30).toMillis();
                default -> throw ApiException.badRequest("Invalid created filter");
            };
            if (!explicit) {
                f.and("created_at >= ?", since);
            }
        }
    }

    /** An RFC 3339 instant, or a {@code YYYY-MM-DD} day (its start, UTC). */
    private static long instant(String raw, String name) {
        try {
            return Instant.parse(raw).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("Invalid " + name + " format, expected RFC 3339 or YYYY-MM-DD");
            }
        }
    }

    private static String order(String raw) {
        return switch (raw) {
            case "", "desc" -> "DESC";
            case "asc" -> "ASC";
            default -> throw ApiException.badRequest("Invalid order, must be asc or desc");
        };
    }

    Map<String, Object> adminRoom(Room r) {
        Map<String, Object> m = RoomJson.full(r);
        m.put("participantsCount", ctx.store().participants().countActive(r.id()));
        User owner = ctx.store().users().findById(r.createdBy()).orElse(null);
        m.put("ownerName", owner == null ? "" : owner.name());
        m.put("ownerEmail", owner == null ? "" : owner.email());
        return m;
    }

    Reply events(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 50, 100, 50);
        SqlFilter f = new SqlFilter();
        String types = call.query("type");
        if (!types.isEmpty()) {
            List<String> list = List.of(types.split(",", -1));
            for (String t : list) {
                if (!RoomEvent.TYPES.contains(t)) {
                    throw ApiException.badRequest("Invalid event type: " + t);
                }
            }
            f.and("type IN (" + String.join(",", list.stream().map(t -> "?").toList()) + ")", list.toArray());
        }
        String q = call.query("q").strip().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            f.and("(LOWER(room_name) LIKE ? OR LOWER(user_name) LIKE ?)", "%" + q + "%", "%" + q + "%");
        }
        day(f, call.query("dateFrom"), "dateFrom", "ts >= ?", 0);
        day(f, call.query("dateTo"), "dateTo", "ts < ?", 1);
        String order = order(call.query("order"));
        List<Map<String, Object>> events = ctx.store().roomEvents().page(f, order, limit, (page - 1) * limit)
                .stream().map(AdminRoomQueries::event).toList();
        return Reply.ok(Paging.body("events", events, ctx.store().roomEvents().count(f), page, limit));
    }

    private static void day(SqlFilter f, String raw, String name, String clause, int plusDays) {
        if (raw.isEmpty()) {
            return;
        }
        try {
            f.and(clause, LocalDate.parse(raw).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC)
                    .toEpochMilli());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid " + name + " format, expected YYYY-MM-DD");
        }
    }

    static Map<String, Object> event(RoomEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("roomId", e.roomId());
        m.put("roomName", e.roomName());
        m.put("userId", e.userId());
        m.put("userName", e.userName());
        m.put("timestamp", Times.rfc3339(e.timestamp()));
        return m;
    }
}
