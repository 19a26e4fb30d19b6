package dev.osprey.control.admin;

import dev.osprey.control.ControlContext;
import dev.osprey.control.db.Job;
import dev.osprey.control.db.SqlFilter;
import dev.osprey.control.db.User;
import dev.osprey.control.http.Times;
import dev.osprey.control.room.MediaRooms;
import dev.osprey.control.settings.ServerCertificate;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitModels;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/admin/overview} (bedrud-api.md §2.4): health (database, media server, TLS certificate), KPIs, a
 * seven-day activity trend, the room composition, what needs attention, recent sign-ups and room events, and the
 * instance's identity. Live numbers come from the room service; the database stands in when it cannot be reached.
 */
final class AdminOverview {

    static final int TREND_DAYS = 7;
    static final Duration STALE_AFTER = Duration.ofHours(48);

    private final ControlContext ctx;
    private final MediaRooms media;
    private final long startedAt;

    AdminOverview(ControlContext ctx, long startedAt) {
        this.ctx = ctx;
        this.media = new MediaRooms(ctx.rooms());
        this.startedAt = startedAt;
    }

    /** Live participants and publishers from the media server, or null when it cannot be asked. */
    private long[] live() {
        try {
            long participants = 0;
            long publishers = 0;
            for (LivekitModels.Room r : media.listRooms()) {
                participants += r.getNumParticipants();
                publishers += r.getNumPublishers();
            }
            return new long[] {participants, publishers};
        } catch (RoomServiceException e) {
            return null;
        }
    }

    Map<String, Object> build() {
        long now = ctx.now();
        long[] live = live();
        ServerCertificate.Info cert = null;
        boolean certBroken = false;
        var server = ctx.config().server();
        if (server.enableTls()) {
            try {
                cert = ServerCertificate.inspect(server.certPath(), server.keyPath(), ctx.clock().instant());
            } catch (ServerCertificate.Problem e) {
                certBroken = true;
            }
        }
        var rooms = ctx.store().rooms();
        long staleRooms = rooms.count(new SqlFilter().and("is_active = ?", true)
                .and("last_activity_at < ?", now - STALE_AFTER.toMillis()));
        long activeRooms = rooms.count(new SqlFilter().and("is_active = ?", true));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("health", health(live != null, cert, certBroken, now));
        out.put("kpis", kpis(live, activeRooms, now));
        out.put("activityTrend", trend(now));
        Map<String, Object> composition = new LinkedHashMap<>();
        composition.put("live", activeRooms);
        composition.put("public", rooms.count(new SqlFilter().and("is_public = ?", true)));
        composition.put("private", rooms.count(new SqlFilter().and("is_public = ?", false)));
        composition.put("persistent", rooms.count(new SqlFilter().and("is_persistent = ?", true)));
        composition.put("stale", staleRooms);
        out.put("roomComposition", composition);
        out.put("needsAttention", attention(cert, staleRooms));
        out.put("recentSignups", ctx.store().users().page(new SqlFilter().and("provider <> ?", User.PROVIDER_GUEST),
                "created_at DESC, id", 5, 0).stream().map(AdminOverview::signup).toList());
        out.put("recentRoomEvents", ctx.store().roomEvents().page(new SqlFilter(), "DESC", 5, 0).stream()
                .map(AdminRoomQueries::event).toList());
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("name", ctx.settings().serverName());
        instance.put("version", version());
        instance.put("uptimeSeconds", (now - startedAt) / 1000);
        instance.put("startedAt", Times.rfc3339(startedAt));
        out.put("instanceInfo", instance);
        return out;
    }

    static String version() {
        String v = AdminOverview.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private Map<String, Object> health(boolean realtime, ServerCertificate.Info cert, boolean certBroken, long now) {
        boolean db = ctx.store().database().isReachable();
        int alerts = (db ? 0 : 1) + (realtime ? 0 : 1);
        boolean degraded = !db || !realtime || certBroken;
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("enabled", ctx.config().server().enableTls());
        if (certBroken) {
            tls.put("daysRemaining", 0);
            tls.put("status", "error");
            alerts++;
        } else if (cert == null) {
            tls.put("daysRemaining", 0);
            tls.put("status", "unknown");
        } else {
            tls.put("daysRemaining", cert.daysRemaining());
            tls.put("expiryDate", cert.notAfter().toString());
            tls.put("status", cert.status());
            alerts += "expiring".equals(cert.status()) ? 1 : 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", degraded ? "degraded" : "healthy");
        m.put("tls", tls);
        m.put("realtime", realtime ? "connected" : "disconnected");
        m.put("alertsCount", alerts);
        m.put("uptimeSeconds", (now - startedAt) / 1000);
        m.put("dbStatus", db ? "connected" : "error");
        return m;
    }

    private Map<String, Object> kpis(long[] live, long activeRooms, long now) {
        SqlFilter people = new SqlFilter().and("provider <> ?", User.PROVIDER_GUEST);
        long totalUsers = ctx.store().users().count(people);
        long week = ctx.store().users().count(new SqlFilter().and("provider <> ?", User.PROVIDER_GUEST)
                .and("created_at >= ?", now - Duration.ofDays(7).toMillis()));
        long before = totalUsers - week;
        long deltaPercent = before > 0 ? week * 100 / before : week > 0 ? 100 : 0;
        long online = live != null ? live[0] : ctx.store().participants().countActiveSessions();
        long publishers = live != null ? live[1] : 0;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalUsers", kpi(totalUsers, "delta", week, "deltaLabel", "this week", "deltaPercent", deltaPercent));
        m.put("onlineNow", kpi(online, "activeNow", online));
        m.put("totalRooms", kpi(ctx.store().rooms().countAll(), "activeNow", activeRooms));
        m.put("activeSessions", kpi(publishers, "activeNow", online));
        m.put("pendingActions", kpi(ctx.store().jobs().count(Job.Status.PENDING)));
        return m;
    }

    /** A KPI entry; zero and empty extras are left out, as Bedrud's JSON omits them. */
    private static Map<String, Object> kpi(long value, Object... extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        for (int i = 0; i + 1 < extras.length; i += 2) {
            Object v = extras[i + 1];
            if (!(v instanceof Long l && l == 0) && !(v instanceof String s && s.isEmpty())) {
                m.put((String) extras[i], v);
            }
        }
        return m;
    }

    /** Rooms created, rooms with joins and joins, per UTC day of the last week (oldest first). */
    private List<Map<String, Object>> trend(long now) {
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(TREND_DAYS - 1);
        long from = first.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<LocalDate, Integer> created = new HashMap<>();
        for (long t : ctx.store().rooms().createdSince(from)) {
            created.merge(day(t), 1, Integer::sum);
        }
        Map<LocalDate, Integer> joins = new HashMap<>();
        Map<LocalDate, Set<String>> activeRooms = new HashMap<>();
        ctx.store().participants().joinsSince(from).forEach(j -> {
            joins.merge(day(j.joinedAt()), 1, Integer::sum);
            activeRooms.computeIfAbsent(day(j.joinedAt()), d -> new HashSet<>()).add(j.roomId());
        });
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.toString());
            m.put("roomsCreated", created.getOrDefault(d, 0));
            m.put("roomsActive", activeRooms.getOrDefault(d, Set.of()).size());
            m.put("participants", joins.getOrDefault(d, 0));
            out.add(m);
        }
        return out;
    }

    private static LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static List<Map<String, Object>> attention(ServerCertificate.Info cert, long staleRooms) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (cert != null && cert.daysRemaining() < 90) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "tls_expiry");
            m.put("severity", cert.daysRemaining() < 7 ? "error" : cert.daysRemaining() < 30 ? "warning" : "info");
            m.put("message", "TLS cert expires in " + cert.daysRemaining() + " days");
            m.put("daysLeft", cert.daysRemaining());
            items.add(m);
        }
        if (staleRooms > 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "stale_room");
            m.put("severity", "info");
            m.put("message", staleRooms + " rooms with no activity for 48h");
            items.add(m);
        }
        return items;
    }

    private static Map<String, Object> signup(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("provider", u.provider());
        m.put("createdAt", Times.rfc3339(u.createdAt()));
        return m;
    }
}
