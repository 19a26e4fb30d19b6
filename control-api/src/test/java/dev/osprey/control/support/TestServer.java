package dev.osprey.control.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.ControlApiServer;
import dev.osprey.signaling.api.RoomService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A started {@link ControlApiServer} on an ephemeral port with a {@link FakeRoomService}, a captured mailbox and a
 * hand-driven clock, plus a small HTTP client. The database is SQLite in a temporary directory, or PostgreSQL when
 * the system property {@code osprey.test.jdbcUrl} is set (with {@code osprey.test.jdbcUser} /
 * {@code osprey.test.jdbcPassword}); the PostgreSQL schema is wiped first so every server starts empty.
 */
public final class TestServer implements AutoCloseable {

    public static final String JWT_SECRET = "test-jwt-secret-that-is-long-enough-0123456789";
    public static final String LK_KEY = "APItestkey";
    public static final String LK_SECRET = "livekit-test-secret-that-is-long-enough-0123";
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public final FakeRoomService rooms = new FakeRoomService();
    public final CapturingEmailSender mail = new CapturingEmailSender();
    public final MutableClock clock = new MutableClock(Instant.now());
    public final ControlApiConfig config;
    private final ControlApiServer server;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A JSON reply. */
    public record Res(int status, JsonNode json, HttpResponse<String> raw) {
        public JsonNode get(String field) {
            JsonNode n = json.get(field);
            return n == null ? MissingNode.getInstance() : n;
        }

        public String text(String field) {
            return get(field).asText();
        }

        public String error() {
            return text("error");
        }

        public List<String> cookies() {
            return raw.headers().allValues("Set-Cookie");
        }

        public String cookie(String name) {
            return cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
                    .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                    .orElse(null);
        }
    }

    public TestServer() {
        this(c -> c);
    }

    public TestServer(UnaryOperator<ControlApiConfig> customize) {
        this(customize, null);
    }

    /**
     * @param roomService the room service the API drives, built from the final configuration; null: {@link #rooms}
     */
    public TestServer(UnaryOperator<ControlApiConfig> customize,
                      java.util.function.Function<ControlApiConfig, RoomService> roomService) {
        try {
            dir = Files.createTempDirectory("osprey-control-test");
            ControlApiConfig base = ControlApiConfig.defaults()
                    .withServer(ControlApiConfig.defaults().server().withPort(0))
                    .withDatabase(database(dir))
                    .withAuth(ControlApiConfig.defaults().auth().withSecrets(JWT_SECRET, "session-secret"))
                    .withLivekit(new ControlApiConfig.LiveKit("ws://localhost:7880", "http://127.0.0.1:7880", LK_KEY,
                            LK_SECRET, false))
                    .withRateLimit(ControlApiConfig.RateLimit.disabled())
                    .withUploads(new ControlApiConfig.Uploads(dir.resolve("uploads"), 2_000, 8192, 500L << 20, 0));
            config = customize.apply(base);
            server = new ControlApiServer(config, roomService == null ? rooms : roomService.apply(config),
                    new SimpleMeterRegistry(), mail, clock);
            var address = server.start();
            this.base = "http://127.0.0.1:" + address.getPort();
        } catch (Exception e) {
            throw new IllegalStateException("test server failed to start", e);
        }
    }

    private static ControlApiConfig.Database database(Path dir) throws SQLException {
        String url = System.getProperty("osprey.test.jdbcUrl", "");
        if (url.isEmpty()) {
            return ControlApiConfig.Database.sqlite(dir.resolve("osprey.db"));
        }
        String user = System.getProperty("osprey.test.jdbcUser", "");
        String password = System.getProperty("osprey.test.jdbcPassword", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return ControlApiConfig.Database.postgres(url, user, password);
    }

    public String base() {
        return base;
    }

    public Res get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Res post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Res put(String path, Object body, String token) {
        return send("PUT", path, body, token, Map.of());
    }

    public Res delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** Any request; {@code body} is serialised to JSON unless it is a String (sent verbatim) or a byte[]. */
    public Res send(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = switch (body) {
                case null -> HttpRequest.BodyPublishers.noBody();
                case String s -> HttpRequest.BodyPublishers.ofString(s);
                case byte[] b -> HttpRequest.BodyPublishers.ofByteArray(b);
                default -> HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            };
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .method(method, publisher);
            if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(r.body());
            return new Res(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A single-value query straight against the server's database (for rows no endpoint shows). */
    public long scalar(String query, Object... params) {
        var db = config.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data POST with text fields and, when {@code fileField} is non-null, one file. */
    public Res multipart(String path, String token, Map<String, String> fields, String fileField, String fileName,
                         byte[] data) {
        String boundary = "osprey-test-" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> out.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fields.forEach((k, v) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        if (fileField != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(data);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return send("POST", path, out.toByteArray(), token,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** The bytes of a GET (files). */
    public HttpResponse<byte[]> download(String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where this server keeps uploads. */
    public Path uploadsDir() {
        return config.uploads().dir();
    }

    /** Registers a local account and returns its login response. */
    public Res register(String email, String name) {
        Res r = post("/api/auth/register", Map.of("email", email, "password", "correct-horse-battery", "name", name),
                null);
        if (r.status() != 200) {
            throw new AssertionError("register failed: " + r.status() + " " + r.json());
        }
        return r;
    }

    /** Registers an account and returns its access token. */
    public String token(String email, String name) {
        return register(email, name).get("tokens").get("accessToken").asText();
    }

    /** Creates a superadmin through the CLI entry point and logs it in. */
    public String superadminToken(String email) {
        dev.osprey.control.UserAdmin.createUser(config, email, "correct-horse-battery", "Admin User", true);
        Res r = post("/api/auth/login", Map.of("email", email, "password", "correct-horse-battery"), null);
        if (r.status() != 200) {
            throw new AssertionError("admin login failed: " + r.status() + " " + r.json());
        }
        return r.get("tokens").get("accessToken").asText();
    }

    @Override
    public void close() {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the temp dir is left behind
        }
    }
}
