package dev.osprey.control.uploads;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.support.TestServer;
import dev.osprey.control.support.TestServer.Res;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Avatars and chat attachments over HTTP (bedrud-api.md §2.1–2.3): limits, who may read, where files go. */
class UploadsApiTest {

    static TestServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = new TestServer();
        admin = server.superadminToken("uploads-admin@example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void avatarUploadServeReplaceAndDelete() {
        Res user = server.register("avatar@example.com", "Avatar User");
        String token = user.get("tokens").get("accessToken").asText();
        String id = user.get("user").get("id").asText();
        byte[] png = TestImages.encode("png", 64, 48, 7);
        Res up = server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "me.png", png);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().fieldNames()).toIterable().containsExactly("id", "name", "email", "provider",
                "accesses", "avatarUrl");
        String url = up.text("avatarUrl");
        assertThat(url).matches("/uploads/avatars/" + id + "\\.png\\?v=\\d+");
        assertThat(server.get("/api/auth/me", token).text("avatarUrl")).isEqualTo(url);
        HttpResponse<byte[]> served = server.download(url, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");

        // a JPEG replaces the PNG (one file per user)
        Res jpeg = server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "me.jpg",
                TestImages.encode("jpg", 32, 32, 8));
        assertThat(jpeg.text("avatarUrl")).startsWith("/uploads/avatars/" + id + ".jpg?v=");
        assertThat(server.download("/uploads/avatars/" + id + ".png", null).statusCode()).isEqualTo(404);

        Res removed = server.send("DELETE", "/api/auth/me/avatar", null, token, Map.of());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.text("avatarUrl")).isEmpty();
        assertThat(server.download("/uploads/avatars/" + id + ".jpg", null).statusCode()).isEqualTo(404);
    }

    @Test
    void avatarRefusals() {
        String token = server.token("avatar-refused@example.com", "Avatar Refused");
        assertThat(server.multipart("/api/auth/me/avatar", token, Map.of("x", "y"), null, null, null).error())
                .isEqualTo("Avatar file is required");
        assertThat(server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "big.png",
                new byte[2 * 1024 * 1024 + 1]).error()).isEqualTo("Avatar too large (max 2 MB)");
        assertThat(server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "x.svg",
                "<svg/>".getBytes(StandardCharsets.US_ASCII)).error()).isEqualTo("unsupported image type");
        assertThat(server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "e.png", new byte[0])
                .error()).isEqualTo("empty upload");
        assertThat(server.multipart("/api/auth/me/avatar", token, Map.of(), "avatar", "wide.webp",
                TestImages.webp("VP8X", 4000, 10)).error()).isEqualTo("image dimensions too large (max 1024x1024)");
        assertThat(server.multipart("/api/auth/me/avatar", null, Map.of(), "avatar", "a.png",
                TestImages.encode("png", 2, 2, 1)).status()).isEqualTo(401);
        assertThat(server.download("/uploads/avatars/..%2Fosprey.db", null).statusCode()).isIn(400, 404);
        assertThat(server.download("/uploads/avatars/.hidden", null).statusCode()).isEqualTo(400);
        assertThat(server.download("/uploads/avatars/nobody.png", null).statusCode()).isEqualTo(404);
    }

    @Test
    void chatImagesInlineOrOnDiskForParticipantsOnly() throws Exception {
        Res owner = server.register("chat-owner@example.com", "Chat Owner");
        String ownerToken = owner.get("tokens").get("accessToken").asText();
        String ownerId = owner.get("user").get("id").asText();
        String roomId = server.post("/api/room/create", Map.of("name", "chat-room", "isPublic", true,
                "settings", Map.of("allowChat", true)), ownerToken).text("id");
        String path = "/api/room/" + roomId + "/chat/upload";
        byte[] small = TestImages.encode("gif", 4, 4, 3);
        assertThat(server.multipart(path, ownerToken, Map.of(), "file", "s.gif", small).error())
                .isEqualTo("Not a participant in this room");
        server.post("/api/room/join", Map.of("roomName", "chat-room"), ownerToken);

        Res inline = server.multipart(path, ownerToken, Map.of(), "file", "s.gif", small);
        assertThat(inline.status()).isEqualTo(200);
        assertThat(inline.json().fieldNames()).toIterable().containsExactly("kind", "url", "mime", "size", "w", "h");
        assertThat(inline.text("kind")).isEqualTo("image");
        assertThat(inline.text("url")).isEqualTo("data:image/gif;base64," + Base64.getEncoder().encodeToString(small));
        assertThat(inline.get("w").asInt()).isEqualTo(4);

        byte[] big = TestImages.encode("png", 60, 60, 4);
        Res stored = server.multipart(path, ownerToken, Map.of(), "file", "b.png", big);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.text("url")).matches("/uploads/chat/" + roomId + "/" + ownerId + "/[0-9a-f]{64}\\.png");
        assertThat(server.download(stored.text("url"), ownerToken).body()).isEqualTo(big);
        assertThat(server.download(stored.text("url"), null).statusCode()).isEqualTo(401);
        String outsider = server.token("chat-outsider@example.com", "Chat Outsider");
        assertThat(server.download(stored.text("url"), outsider).statusCode()).isEqualTo(403);
        assertThat(server.download(stored.text("url"), admin).statusCode()).isEqualTo(200);

        byte[] text = ("notes ".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        assertThat(server.multipart(path, ownerToken, Map.of(), "file", "notes.txt", text).error())
                .isEqualTo("unsupported image type: text/plain");
        Res file = server.multipart(path, ownerToken, Map.of("asFile", "1"), "file", "../../notes.txt", text);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text("kind")).isEqualTo("file");
        assertThat(file.text("name")).isEqualTo("notes.txt");
        assertThat(file.text("mime")).isEqualTo("text/plain");
        HttpResponse<byte[]> served = server.download(file.text("url"), ownerToken);
        assertThat(served.body()).isEqualTo(text);
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment");
        assertThat(server.scalar("SELECT COUNT(*) FROM chat_uploads WHERE room_id = ?", roomId)).isEqualTo(3);

        // closing the room removes its files
        assertThat(server.delete("/api/admin/rooms/" + roomId, admin).status()).isEqualTo(202);
        assertThat(Files.exists(server.uploadsDir().resolve("chat").resolve(roomId))).isFalse();
    }

    @Test
    void chatUploadPolicies() {
        byte[] gif = TestImages.encode("gif", 8, 8, 2);
        long quota = gif.length + gif.length / 2;
        try (TestServer strict = new TestServer(c -> c.withUploads(new ControlApiConfig.Uploads(
                c.uploads().dir(), 0, 16, quota, 0)))) {
            Res owner = strict.register("strict-owner@example.com", "Strict Owner");
            String token = owner.get("tokens").get("accessToken").asText();
            String quiet = strict.post("/api/room/create", Map.of("name", "no-chat", "isPublic", true), token)
                    .text("id");
            strict.post("/api/room/join", Map.of("roomName", "no-chat"), token);
            assertThat(strict.multipart("/api/room/" + quiet + "/chat/upload", token, Map.of(), "file", "a.gif",
                    TestImages.encode("gif", 2, 2, 1)).error()).isEqualTo("Chat is disabled for this room");
            String roomId = strict.post("/api/room/create", Map.of("name", "chatty", "isPublic", true,
                    "settings", Map.of("allowChat", true)), token).text("id");
            strict.post("/api/room/join", Map.of("roomName", "chatty"), token);
            String path = "/api/room/" + roomId + "/chat/upload";
            assertThat(strict.multipart(path, token, Map.of(), "upload", "a.gif", new byte[1]).error())
                    .isEqualTo("Missing file field");
            assertThat(strict.multipart(path, token, Map.of(), "file", "w.gif", TestImages.encode("gif", 17, 2, 1))
                    .error()).isEqualTo("Image dimensions too large (max 16x16)");
            assertThat(strict.multipart(path, token, Map.of(), "file", "1.gif", gif).status()).isEqualTo(200);
            Res over = strict.multipart(path, token, Map.of(), "file", "2.gif", gif);
            assertThat(over.status()).isEqualTo(507);
            assertThat(over.error()).isEqualTo("Upload quota exceeded (max " + quota + " bytes per user)");
            assertThat(strict.post("/api/room/create", Map.of("name", "chatty", "isPublic", true), token).status())
                    .isEqualTo(409);
            assertThat(strict.multipart("/api/room/missing/chat/upload", token, Map.of(), "file", "a.gif", gif)
                    .error()).isEqualTo("Room not found");
        }
    }
}
