package dev.osprey.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpServer;
import dev.osprey.signaling.api.LiveKitHs256;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import livekit.LivekitRoom;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiveKit's server API on the distribution jar, configured as an operator configures it: the Twirp RoomService on the
 * signaling port with the configured keys and room defaults, and webhooks from {@code webhook.urls} signed with
 * {@code webhook.api_key}'s secret, checked here as a backend checks them (JWT in {@code Authorization}, SHA-256 of
 * the exact body). Runs after {@code package} (failsafe).
 */
class ServerApiProcessIT {

    private static final String KEY = "devkey";
    private static final String SECRET = "secret";
    private static final String NODE_JSON = "application/json;charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BlockingQueue<String[]> hooks = new LinkedBlockingQueue<>();
    private HttpServer listener;
    private OspreyProcess osprey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hooks.add(new String[] {new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        osprey = new OspreyProcess(dir, """
                webhook: {urls: ["http://127.0.0.1:%d/hook"], api_key: %s}
                room: {empty_timeout: 120, departure_timeout: 15, max_participants: 5}
                """.formatted(listener.getAddress().getPort(), KEY));
        assertThat(osprey.output()).as("the signaling port announces the Twirp RoomService")
                .anyMatch(l -> l.contains("Twirp POST /twirp/livekit.RoomService"));
    }

    @AfterEach
    void stop() {
        osprey.close();
        listener.stop(0);
        http.close();
    }

    private static String token(Map<String, Object> video) {
        Instant now = Instant.now();
        return Jwts.builder().issuer(KEY).subject("backend").notBefore(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600))).claim("video", video)
                .signWith(LiveKitHs256.key(SECRET), LiveKitHs256.INSTANCE).compact();
    }

    private HttpResponse<byte[]> post(String method, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(osprey.baseUrl() + "/twirp/livekit.RoomService/" + method))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String method, String token, String body) throws Exception {
        HttpResponse<byte[]> response = post(method, token, NODE_JSON, body.getBytes(StandardCharsets.UTF_8));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(text).isEqualTo(200);
        return JSON.readTree(text);
    }

    /** The next webhook, verified as a backend verifies it. */
    private WebhookEvent nextHook() throws Exception {
        String[] request = hooks.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("a webhook request").isNotNull();
        assertThat(request[2]).isEqualTo("application/webhook+json");
        assertThat(request[1]).doesNotStartWith("Bearer ");
        Claims claims = Jwts.parser().sig().clear().add(LiveKitHs256.INSTANCE).and()
                .verifyWith(LiveKitHs256.key(SECRET)).requireIssuer(KEY).build()
                .parseSignedClaims(request[1]).getPayload();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(request[0].getBytes(StandardCharsets.UTF_8));
        assertThat(claims.get("sha256", String.class)).isEqualTo(Base64.getEncoder().encodeToString(digest));
        WebhookEvent.Builder event = WebhookEvent.newBuilder();
        JsonFormat.parser().merge(request[0], event);
        return event.build();
    }

    @Test
    void roomServiceAndWebhooksAsConfigured() throws Exception {
        String create = token(Map.of("roomCreate", true));
        JsonNode standup = json("CreateRoom", create, "{\"name\":\"standup\",\"emptyTimeout\":60}");
        assertThat(standup.get("sid").asText()).startsWith("RM_");
        assertThat(standup.get("empty_timeout").asInt()).isEqualTo(60);
        assertThat(standup.get("departure_timeout").asInt()).as("room.departure_timeout").isEqualTo(15);
        assertThat(standup.get("max_participants").asInt()).as("room.max_participants").isEqualTo(5);
        WebhookEvent started = nextHook();
        assertThat(started.getEvent()).isEqualTo("room_started");
        assertThat(started.getRoom().getSid()).isEqualTo(standup.get("sid").asText());
        assertThat(started.getId()).startsWith("EV_");

        // the Java SDK's encoding: protobuf in, protobuf out
        HttpResponse<byte[]> listed = post("ListRooms", token(Map.of("roomList", true)), "application/protobuf",
                LivekitRoom.ListRoomsRequest.getDefaultInstance().toByteArray());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(LivekitRoom.ListRoomsResponse.parseFrom(listed.body()).getRoomsList())
                .extracting(r -> r.getName()).containsExactly("standup");

        String admin = token(Map.of("roomAdmin", true, "room", "standup"));
        assertThat(json("UpdateRoomMetadata", admin, "{\"room\":\"standup\",\"metadata\":\"q3\"}").get("metadata")
                .asText()).isEqualTo("q3");
        HttpResponse<byte[]> denied = post("ListParticipants", token(Map.of("roomAdmin", true, "room", "other")),
                NODE_JSON, "{\"room\":\"standup\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(new String(denied.body(), StandardCharsets.UTF_8)).contains("permissions denied");

        json("DeleteRoom", create, "{\"room\":\"standup\"}");
        WebhookEvent finished = nextHook();
        assertThat(finished.getEvent()).isEqualTo("room_finished");
        assertThat(finished.getRoom().getMetadata()).isEqualTo("q3");
        HttpResponse<byte[]> gone = post("GetParticipant", admin, NODE_JSON,
                "{\"room\":\"standup\",\"identity\":\"alice\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("participant does not exist");

        assertThat(osprey.stop()).as("a clean shutdown with the webhook notifier running").isZero();
    }
}
