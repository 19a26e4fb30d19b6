package dev.osprey.control.admin;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.EmailFlows;
import dev.osprey.control.auth.Inputs;
import dev.osprey.control.db.SqlFilter;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import dev.osprey.control.room.Paging;
import dev.osprey.control.room.RoomJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/admin/users...} (bedrud-api.md §2.4), superadmin only. */
public final class AdminUserEndpoints {

    static final Set<String> LEVELS = Set.of("superadmin", "admin", "moderator", "user", "guest");
    private static final Map<String, String> SORTS = Map.of("name", "name", "email", "email", "provider", "provider",
            "createdAt", "created_at");

    private final ControlContext ctx;
    private final EmailFlows emailFlows;

    public AdminUserEndpoints(ControlContext ctx, EmailFlows emailFlows) {
        this.ctx = ctx;
        this.emailFlows = emailFlows;
    }

    public void register(ApiRouter api) {
        api.get("/api/admin/users", Guard.SA, this::list);
        api.get("/api/admin/users/recent", Guard.SA, this::recent);
        api.get("/api/admin/users/:id", Guard.SA, this::detail);
        api.get("/api/admin/users/:id/sessions", Guard.SA, this::sessions);
        api.put("/api/admin/users/:id/status", Guard.SA, this::status);
        api.put("/api/admin/users/:id/accesses", Guard.SA, this::accesses);
        api.put("/api/admin/users/:id/password", Guard.SA, this::password);
        api.post("/api/admin/users/:id/force-logout", Guard.SA, this::forceLogout);
        api.post("/api/admin/users/:id/verify", Guard.SA, this::verify);
        api.post("/api/admin/users/:id/verify/resend", Guard.SA, this::resendVerification);
        api.delete("/api/admin/users/:id", Guard.SA, this::delete);
        api.post("/api/admin/users/bulk/ban", Guard.SA, call -> bulk(call, "ban"));
        api.post("/api/admin/users/bulk/promote", Guard.SA, call -> bulk(call, "promote"));
        api.post("/api/admin/users/bulk/delete", Guard.SA, this::bulkDelete);
    }

    static Map<String, Object> details(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("email", u.email());
        m.put("name", u.name());
        m.put("provider", u.provider());
        m.put("isActive", u.active());
        m.put("isAdmin", u.isSuperadmin());
        m.put("accesses", u.accesses());
        m.put("emailVerifiedAt", Times.admin(u.emailVerifiedAt()));
        m.put("createdAt", Times.admin(u.createdAt()));
        return m;
    }

    Reply list(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 50, 100, 50);
        SqlFilter f = new SqlFilter();
        String q = call.query("q").strip().toLowerCase(java.util.Locale.ROOT);
        if (!q.isEmpty()) {
            f.and("(LOWER(name) LIKE ? OR LOWER(email) LIKE ?)", "%" + q + "%", "%" + q + "%");
        }
        inList(f, "provider", call.query("provider"), Set.of("local", "google", "github", "twitter", "guest",
                "passkey"));
        List<String> roles = csv(call.query("role"), LEVELS);
        if (!roles.isEmpty()) {
            f.and("(" + String.join(" OR ", roles.stream().map(r -> "accesses LIKE ?").toList()) + ")",
                    roles.stream().map(r -> (Object) ("%" + r + "%")).toArray());
        }
        List<String> status = csv(call.query("status"), Set.of("active", "banned"));
        if (status.size() == 1) {
            f.and("is_active = ?", status.contains("active"));
        }
        switch (call.query("verified")) {
            case "true" -> f.and("email_verified_at IS NOT NULL");
            case "false" -> f.and("email_verified_at IS NULL");
            default -> { }
        }
        createdSince(f, call.query("created"));
        String order = "desc".equalsIgnoreCase(call.query("order")) || call.query("order").isEmpty() ? "DESC" : "ASC";
        String sort = SORTS.getOrDefault(call.query("sort"), "created_at");
        List<Map<String, Object>> users = ctx.store().users().page(f, sort + " " + order + ", id", limit,
                (page - 1) * limit).stream().map(AdminUserEndpoints::details).toList();
        return Reply.ok(Paging.body("users", users, ctx.store().users().count(f), page, limit));
    }

    private void createdSince(SqlFilter f, String created) {
        Duration d = switch (created) {
            case "today" -> Duration.ofDays(1);
            case "7d" -> Duration.ofDays(7);
            case "30d" -> Duration.ofDays(30);
            default -> null;
        };
        if (d != null) {
            f.and("created_at >= ?", ctx.now() - d.toMillis());
        }
    }

    static void inList(SqlFilter f, String column, String raw, Set<String> allowed) {
        List<String> values = csv(raw, allowed);
        if (!values.isEmpty()) {
            f.and(column + " IN (" + String.join(",", values.stream().map(v -> "?").toList()) + ")",
                    values.toArray());
        }
    }

    static List<String> csv(String raw, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String v = part.strip();
            if (allowed.contains(v) && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    Reply recent(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 50, 100, 50);
        SqlFilter f = new SqlFilter();
        String providers = call.query("provider");
        if (providers.isEmpty()) {
            f.and("provider <> ?", User.PROVIDER_GUEST);
        } else {
            Set<String> valid = Set.of("local", "google", "github", "twitter", "passkey", "guest");
            List<String> list = List.of(providers.split(",", -1));
            for (String v : list) {
                if (!valid.contains(v)) {
                    throw ApiException.badRequest("Invalid provider: " + v);
                }
            }
            inList(f, "provider", providers, valid);
        }
        String q = call.query("q").strip().toLowerCase(java.util.Locale.ROOT);
        if (!q.isEmpty()) {
            f.and("(LOWER(name) LIKE ? OR LOWER(email) LIKE ?)", "%" + q + "%", "%" + q + "%");
        }
        day(f, call.query("dateFrom"), "dateFrom", "created_at >= ?", 0);
        day(f, call.query("dateTo"), "dateTo", "created_at < ?", 1);
        String sort = switch (call.query("sort")) {
            case "", "createdAt" -> "created_at";
            case "name" -> "name";
            default -> throw ApiException.badRequest("Invalid sort field");
        };
        String order = switch (call.query("order")) {
            case "", "desc" -> "DESC";
            case "asc" -> "ASC";
            default -> throw ApiException.badRequest("Invalid order, must be asc or desc");
        };
        List<Map<String, Object>> users = ctx.store().users().page(f, sort + " " + order + ", id", limit,
                (page - 1) * limit).stream().map(u -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", u.id());
                    m.put("name", u.name());
                    m.put("email", u.email());
                    m.put("provider", u.provider());
                    m.put("createdAt", Times.admin(u.createdAt()));
                    return m;
                }).toList();
        return Reply.ok(Paging.body("users", users, ctx.store().users().count(f), page, limit));
    }

    /** A {@code YYYY-MM-DD} bound (UTC day start, plus {@code plusDays}), or 400 with Bedrud's message. */
    private static void day(SqlFilter f, String raw, String name, String clause, int plusDays) {
        if (raw.isEmpty()) {
            return;
        }
        try {
            f.and(clause, java.time.LocalDate.parse(raw).plusDays(plusDays).atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("Invalid " + name + " format, expected YYYY-MM-DD");
        }
    }

    private User user(Call call) {
        return ctx.store().users().findById(call.path("id")).orElseThrow(() -> ApiException.notFound("User not found"));
    }

    Reply detail(Call call) {
        User u = user(call);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", details(u));
        out.put("rooms", ctx.store().rooms().listCreatedBy(u.id()).stream().map(RoomJson::full).toList());
        return Reply.ok(out);
    }

    Reply sessions(Call call) {
        User u = user(call);
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 20, 100, 50);
        long now = ctx.now();
        List<Map<String, Object>> sessions = ctx.store().participants().sessionsOf(u.id(), limit, (page - 1) * limit)
                .stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.id());
                    m.put("roomId", s.roomId());
                    m.put("roomName", s.roomName());
                    m.put("joinedAt", Times.rfc3339(s.joinedAt()));
                    m.put("leftAt", Times.rfc3339(s.leftAt()));
                    m.put("isActive", s.active());
                    long end = s.leftAt() != null ? s.leftAt() : now;
                    m.put("durationSeconds", Math.max(0, (end - s.joinedAt()) / 1000));
                    return m;
                }).toList();
        return Reply.ok(Paging.body("sessions", sessions, ctx.store().participants().countSessionsOf(u.id()), page,
                limit));
    }

    private void notSelf(Call call, User u, String message) {
        if (u.id().equals(call.caller().userId())) {
            throw ApiException.badRequest(message);
        }
    }

    private void notLastSuperadmin(User u, String message) {
        if (u.isSuperadmin() && u.active() && ctx.store().users().countActiveSuperadmins() <= 1) {
            throw ApiException.conflict(message);
        }
    }

    Reply status(Call call) {
        Boolean active = call.body().bool("active");
        if (active == null) {
            throw ApiException.badRequest(JsonBody.INVALID_INPUT);
        }
        User u = user(call);
        notSelf(call, u, "Cannot change your own status");
        if (!active) {
            notLastSuperadmin(u, "Cannot deactivate the last superadmin");
        }
        setActive(u, active);
        return Reply.ok(Map.of("message", "User status updated successfully"));
    }

    void setActive(User u, boolean active) {
        ctx.store().users().setActive(u.id(), active, ctx.now());
        if (active) {
            ctx.authState().unban(u.id());
        } else {
            ctx.store().users().setRefreshTokenHash(u.id(), null);
            ctx.authState().ban(u.id());
        }
    }

    Reply accesses(Call call) {
        List<String> requested = call.body().strings("accesses");
        if (requested == null || requested.isEmpty() || !LEVELS.containsAll(requested)) {
            throw ApiException.badRequest("Invalid accesses");
        }
        User u = user(call);
        notSelf(call, u, "Cannot change your own accesses");
        if (!requested.contains(User.SUPERADMIN)) {
            notLastSuperadmin(u, "Cannot demote the last superadmin");
        }
        ctx.store().users().setAccesses(u.id(), requested.stream().distinct().toList(), ctx.now());
        return Reply.ok(Map.of("message", "User accesses updated"));
    }

    Reply password(Call call) {
        String password = call.body().stringOrEmpty("password");
        User u = user(call);
        Inputs.checkPassword(password);
        ctx.store().users().updatePassword(u.id(), ctx.passwords().hash(password), ctx.now());
        ctx.store().users().setRefreshTokenHash(u.id(), null);
        return Reply.ok(Map.of("message", "Password updated successfully"));
    }

    Reply forceLogout(Call call) {
        User u = user(call);
        ctx.store().users().setRefreshTokenHash(u.id(), null);
        ctx.authState().ban(u.id());
        return Reply.ok(Map.of("message", "All sessions revoked"));
    }

    Reply verify(Call call) {
        User u = user(call);
        if (u.isVerified()) {
            throw ApiException.badRequest("Email already verified");
        }
        ctx.store().users().markVerified(u.id(), ctx.now());
        return Reply.ok(Map.of("message", "Email verified successfully"));
    }

    Reply resendVerification(Call call) {
        User u = user(call);
        if (u.isVerified()) {
            throw ApiException.badRequest("User email is already verified");
        }
        emailFlows.sendVerification(u);
        return Reply.ok(Map.of("message", "Verification email sent"));
    }

    Reply delete(Call call) {
        User u = user(call);
        notSelf(call, u, "Cannot delete your own account");
        notLastSuperadmin(u, "Cannot delete the last superadmin");
        int rooms = deleteUser(u);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "User deletion queued");
        out.put("rooms", rooms);
        return Reply.status(202, out);
    }

    /** Ends and removes the user's rooms, then the user (participations and preferences cascade). */
    int deleteUser(User u) {
        var rooms = ctx.store().rooms().listCreatedBy(u.id());
        var admin = new AdminRoomEndpoints(ctx);
        rooms.forEach(r -> admin.end(r, "room_deleted", "The meeting was deleted",
                dev.osprey.control.room.RoomCleanup.Fate.HARD_DELETE));
        ctx.authState().ban(u.id());
        ctx.store().users().delete(u.id());
        new dev.osprey.control.uploads.UploadFiles(ctx.config().uploads().dir()).deleteAvatars(u.id());
        return rooms.size();
    }

    static List<String> ids(Call call) {
        List<String> ids = call.body().strings("ids");
        if (ids == null || ids.isEmpty() || ids.size() > 500) {
            throw ApiException.badRequest("ids must contain between 1 and 500 entries");
        }
        return ids.stream().distinct().toList();
    }

    Reply bulk(Call call, String action) {
        Map<String, Object> results = new LinkedHashMap<>();
        int failed = 0;
        for (String id : ids(call)) {
            Map<String, Object> r = new LinkedHashMap<>();
            User u = ctx.store().users().findById(id).orElse(null);
            String error = u == null ? "User not found" : u.id().equals(call.caller().userId()) ? "Cannot modify yourself"
                    : "ban".equals(action) && u.isSuperadmin() && ctx.store().users().countActiveSuperadmins() <= 1
                    ? "Cannot deactivate the last superadmin" : null;
            if (error == null) {
                if ("ban".equals(action)) {
                    setActive(u, false);
                } else {
                    List<String> acc = new ArrayList<>(u.accesses());
                    if (!acc.contains(User.SUPERADMIN)) {
                        acc.add(User.SUPERADMIN);
                    }
                    ctx.store().users().setAccesses(u.id(), acc, ctx.now());
                }
                r.put("success", true);
                r.put("name", u.name());
            } else {
                failed++;
                r.put("success", false);
                r.put("error", error);
            }
            results.put(id, r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("totalProcessed", results.size());
        out.put("totalFailed", failed);
        return Reply.ok(out);
    }

    Reply bulkDelete(Call call) {
        List<String> skipped = new ArrayList<>();
        int count = 0;
        for (String id : ids(call)) {
            User u = ctx.store().users().findById(id).orElse(null);
            if (u == null || u.id().equals(call.caller().userId())
                    || u.isSuperadmin() && ctx.store().users().countActiveSuperadmins() <= 1) {
                skipped.add(id);
                continue;
            }
            deleteUser(u);
            count++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "User deletion queued");
        out.put("count", count);
        out.put("skipped", skipped);
        return Reply.status(202, out);
    }
}
