package dev.osprey.control.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.control.ControlContext;
import dev.osprey.control.db.InviteToken;
import dev.osprey.control.db.Webhook;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import dev.osprey.control.http.Times;
import dev.osprey.control.room.Paging;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Admin settings (masked secrets), invite tokens, outbound webhooks and the overview (bedrud-api.md §2.4). */
public final class AdminSystemEndpoints {

    static final String MASK = "••••••••";
    static final Set<String> EVENTS = Set.of("room.created", "room.ended", "participant.joined",
            "recording.completed", "ping");
    /** Keys an admin may override at run time, with whether the value is a secret. */
    static final Map<String, Boolean> KEYS = Map.ofEntries(Map.entry("registrationEnabled", false),
            Map.entry("tokenRegistrationOnly", false), Map.entry("guestLoginEnabled", false),
            Map.entry("passkeysEnabled", false), Map.entry("serverName", false),
            Map.entry("maxParticipantsLimit", false), Map.entry("maxRoomsPerUser", false),
            Map.entry("rnnoiseEnabled", false), Map.entry("krispEnabled", false), Map.entry("tokenDuration", false),
            Map.entry("jwtSecret", true), Map.entry("sessionSecret", true), Map.entry("livekitApiSecret", true),
            Map.entry("livekitHost", false), Map.entry("livekitApiKey", false), Map.entry("frontendUrl", false),
            Map.entry("googleClientId", false), Map.entry("googleClientSecret", true),
            Map.entry("googleRedirectUrl", false), Map.entry("githubClientId", false),
            Map.entry("githubClientSecret", true), Map.entry("githubRedirectUrl", false));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ControlContext ctx;
    private final OutboundWebhooks webhooks;
    private final long startedAt;

    public AdminSystemEndpoints(ControlContext ctx, OutboundWebhooks webhooks) {
        this.ctx = ctx;
        this.webhooks = webhooks;
        this.startedAt = ctx.now();
    }

    public void register(ApiRouter api) {
        api.get("/api/admin/settings", Guard.SA, call -> Reply.ok(effective()));
        api.put("/api/admin/settings", Guard.SA, this::putSettings);
        api.get("/api/admin/invite-tokens", Guard.SA, this::invites);
        api.post("/api/admin/invite-tokens", Guard.SA, this::createInvite);
        api.delete("/api/admin/invite-tokens/:id", Guard.SA, this::deleteInvite);
        api.get("/api/admin/webhooks", Guard.SA, this::listWebhooks);
        api.post("/api/admin/webhooks", Guard.SA, this::createWebhook);
        api.put("/api/admin/webhooks/:id", Guard.SA, this::updateWebhook);
        api.delete("/api/admin/webhooks/:id", Guard.SA, this::deleteWebhook);
        api.post("/api/admin/webhooks/:id/rotate-secret", Guard.SA, this::rotate);
        api.post("/api/admin/webhooks/:id/test", Guard.SA, this::test);
        AdminOverview overview = new AdminOverview(ctx, startedAt);
        api.get("/api/admin/overview", Guard.SA, call -> Reply.ok(overview.build()));
    }

    private Map<String, Object> effective() {
        var s = ctx.settings();
        var c = ctx.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registrationEnabled", s.registrationEnabled());
        m.put("tokenRegistrationOnly", s.tokenRegistrationOnly());
        m.put("guestLoginEnabled", s.guestLoginEnabled());
        m.put("passkeysEnabled", false);
        m.put("serverName", s.serverName());
        m.put("maxParticipantsLimit", s.maxParticipantsLimit());
        m.put("maxRoomsPerUser", s.maxRoomsPerUser());
        m.put("rnnoiseEnabled", s.bool("rnnoiseEnabled", false));
        m.put("krispEnabled", s.bool("krispEnabled", false));
        m.put("tokenDuration", c.auth().tokenDurationHours());
        m.put("jwtSecret", MASK);
        m.put("sessionSecret", MASK);
        m.put("frontendUrl", c.auth().frontendUrl());
        for (String provider : List.of("google", "github")) {
            var client = c.oauth().providers().get(provider);
            m.put(provider + "ClientId", s.string(provider + "ClientId", client == null ? "" : client.clientId()));
            String secret = s.string(provider + "ClientSecret", client == null ? "" : client.clientSecret());
            m.put(provider + "ClientSecret", secret.isEmpty() ? "" : MASK);
            m.put(provider + "RedirectUrl", s.string(provider + "RedirectUrl",
                    client == null ? "" : client.redirectUrl()));
        }
        m.put("livekitHost", c.livekit().host());
        m.put("livekitApiKey", c.livekit().apiKey());
        m.put("livekitApiSecret", MASK);
        m.put("livekitExternal", c.livekit().external());
        m.put("serverPort", c.server().port());
        m.put("serverHost", c.server().host());
        m.put("serverDomain", c.server().domain());
        m.put("serverEnableTls", c.server().enableTls());
        m.put("serverCertFile", c.server().certFile());
        m.put("serverKeyFile", c.server().keyFile());
        m.put("behindProxy", c.server().behindProxy());
        m.put("corsAllowedOrigins", String.join(",", c.cors().allowedOrigins()));
        m.put("requireEmailVerification", s.requireEmailVerification());
        return m;
    }

    Reply putSettings(Call call) {
        JsonBody body = call.body();
        for (String key : body.fieldNames()) {
            if (!KEYS.containsKey(key)) {
                continue;
            }
            JsonNode value = body.node(key);
            if (value == null || KEYS.get(key) && MASK.equals(value.asText())) {
                continue;
            }
            if (!value.isValueNode()) {
                throw ApiException.badRequest("Invalid value for " + key);
            }
            ctx.store().settings().put(key, value.toString());
        }
        ctx.settings().reload();
        return Reply.ok(effective());
    }

    private static Map<String, Object> invite(InviteToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("token", t.token());
        m.put("email", t.email());
        m.put("createdBy", t.createdBy());
        m.put("expiresAt", Times.rfc3339(t.expiresAt()));
        m.put("usedAt", Times.rfc3339(t.usedAt()));
        m.put("usedBy", t.usedBy());
        m.put("createdAt", Times.rfc3339(t.createdAt()));
        return m;
    }

    Reply invites(Call call) {
        List<Map<String, Object>> tokens = ctx.store().invites().list().stream().map(t -> {
            Map<String, Object> m = invite(t);
            m.put("used", t.usedAt() != null);
            return m;
        }).toList();
        return Reply.ok(Map.of("tokens", tokens, "total", tokens.size()));
    }

    Reply createInvite(Call call) {
        String email = call.body().stringOrEmpty("email").strip();
        if (!email.isEmpty()) {
            email = dev.osprey.control.auth.Inputs.canonicalEmail(email);
        }
        Integer hours = call.body().integer("expiresInHours");
        int ttl = hours == null || hours <= 0 ? 72 : Math.min(hours, 720);
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        long now = ctx.now();
        InviteToken t = new InviteToken(UUID.randomUUID().toString(), HexFormat.of().formatHex(raw), email,
                call.caller().userId(), now + Duration.ofHours(ttl).toMillis(), null, null, now);
        ctx.store().invites().insert(t);
        return Reply.status(201, invite(t));
    }

    Reply deleteInvite(Call call) {
        if (!ctx.store().invites().delete(call.path("id"))) {
            throw ApiException.notFound("Invite token not found");
        }
        return Reply.ok(Map.of("status", "success"));
    }

    private static Map<String, Object> webhook(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("url", w.url());
        m.put("events", w.events());
        m.put("isActive", w.active());
        m.put("createdAt", Times.rfc3339(w.createdAt()));
        m.put("updatedAt", Times.rfc3339(w.updatedAt()));
        return m;
    }

    Reply listWebhooks(Call call) {
        int page = Paging.page(call.query("page"));
        int limit = Paging.limit(call.query("limit"), 50, 100, 50);
        var list = ctx.store().webhooks().list(limit, (page - 1) * limit).stream()
                .map(AdminSystemEndpoints::webhook).toList();
        return Reply.ok(Paging.body("webhooks", list, ctx.store().webhooks().count(), page, limit));
    }

    private static String secret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "whsec_" + HexFormat.of().formatHex(raw);
    }

    private static void validate(String name, String url, List<String> events) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ApiException.badRequest("name is required");
        }
        try {
            URI u = URI.create(url == null ? "" : url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw ApiException.badRequest("url must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("url must be an http(s) URL");
        }
        if (events == null || events.isEmpty() || !EVENTS.containsAll(events)) {
            throw ApiException.badRequest("events must be a non-empty list of known events");
        }
    }

    Reply createWebhook(Call call) {
        JsonBody b = call.body();
        validate(b.string("name"), b.string("url"), b.strings("events"));
        long now = ctx.now();
        Webhook w = new Webhook(UUID.randomUUID().toString(), b.string("name").strip(), b.string("url"),
                b.strings("events").stream().distinct().toList(), secret(), true, call.caller().userId(), now, now);
        ctx.store().webhooks().insert(w);
        Map<String, Object> out = webhook(w);
        out.put("secret", w.secret());
        return Reply.status(201, out);
    }

    private Webhook find(Call call) {
        return ctx.store().webhooks().findById(call.path("id"))
                .orElseThrow(() -> ApiException.notFound("Webhook not found"));
    }

    Reply updateWebhook(Call call) {
        Webhook w = find(call);
        JsonBody b = call.body();
        String name = b.string("name") == null ? w.name() : b.string("name");
        String url = b.string("url") == null ? w.url() : b.string("url");
        List<String> events = b.strings("events") == null ? w.events() : b.strings("events");
        validate(name, url, events);
        Webhook updated = new Webhook(w.id(), name.strip(), url, events.stream().distinct().toList(), w.secret(),
                b.bool("isActive", w.active()), w.createdBy(), w.createdAt(), ctx.now());
        ctx.store().webhooks().update(updated);
        return Reply.ok(webhook(updated));
    }

    Reply deleteWebhook(Call call) {
        if (!ctx.store().webhooks().delete(find(call).id())) {
            throw ApiException.notFound("Webhook not found");
        }
        return Reply.ok(Map.of("status", "deleted"));
    }

    Reply rotate(Call call) {
        Webhook w = find(call);
        Webhook rotated = new Webhook(w.id(), w.name(), w.url(), w.events(), secret(), w.active(), w.createdBy(),
                w.createdAt(), ctx.now());
        ctx.store().webhooks().update(rotated);
        return Reply.ok(Map.of("secret", rotated.secret()));
    }

    Reply test(Call call) {
        Webhook w = find(call);
        OutboundWebhooks.Delivery d;
        try {
            d = webhooks.deliver(w, "ping", "", "", call.caller().userId()).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            d = new OutboundWebhooks.Delivery("delivery_failed", null, 0, e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", d.status());
        if (d.httpStatus() != null) {
            out.put("httpStatus", d.httpStatus());
        }
        out.put("latencyMs", d.latencyMs());
        if (d.error() != null) {
            out.put("error", d.error());
        }
        return Reply.ok(out);
    }
}
