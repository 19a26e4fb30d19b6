package dev.osprey.control.uploads;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.SessionClaims;
import dev.osprey.control.db.Participant;
import dev.osprey.control.db.Room;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import io.vertx.core.http.HttpMethod;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chat attachments (bedrud-api.md §2.3, §2.1): {@code POST /api/room/:roomId/chat/upload} (multipart {@code file},
 * images by default, any file with {@code asFile=1}) for active participants of rooms that allow chat, within the
 * per-user quota and the global threshold; small images travel back inline as {@code data:} URLs, the rest is stored
 * under its content hash and served by {@code GET /uploads/chat/<roomId>/<userId>/<file>} to that room's participants.
 */
public final class ChatUploadEndpoints {

    private final ControlContext ctx;
    private final UploadFiles files;

    public ChatUploadEndpoints(ControlContext ctx) {
        this.ctx = ctx;
        this.files = new UploadFiles(ctx.config().uploads().dir());
    }

    public void register(ApiRouter api) {
        api.route(HttpMethod.POST, "/api/room/:roomId/chat/upload", Guard.AM, ctx.limiters().api(), this::upload);
        api.get("/uploads/chat/:roomId/:userId/:file", Guard.A, this::serve);
    }

    private boolean isActiveParticipant(String roomId, String userId) {
        return ctx.store().participants().find(roomId, userId).filter(Participant::active)
                .filter(p -> !p.banned()).isPresent();
    }

    Reply upload(Call call) {
        Room room = ctx.store().rooms().findById(call.path("roomId"))
                .orElseThrow(() -> ApiException.notFound("Room not found"));
        SessionClaims caller = call.caller();
        if (!isActiveParticipant(room.id(), caller.userId())) {
            throw ApiException.forbidden("Not a participant in this room");
        }
        if (!room.settings().allowChat()) {
            throw ApiException.forbidden("Chat is disabled for this room");
        }
        Call.Upload upload = call.upload("file").orElseThrow(() -> ApiException.badRequest("Missing file field"));
        long max = ctx.config().server().effectiveBodyLimitBytes();
        ApiException tooLarge = new ApiException(413, "File too large");
        if (upload.size() > max) {
            throw tooLarge;
        }
        checkQuota(caller, upload.size());
        byte[] data = upload.read(max, tooLarge);
        Optional<ImageProbe.Image> image = image(data);
        int maxDimension = ctx.config().uploads().maxDimension();
        if (image.isPresent() && (image.get().width() > maxDimension || image.get().height() > maxDimension)) {
            throw ApiException.badRequest("Image dimensions too large (max " + maxDimension + "x" + maxDimension
                    + ")");
        }
        boolean asFile = "1".equals(call.form("asFile")) || "1".equals(call.form("as_file"));
        if (image.isEmpty() && !asFile) {
            throw ApiException.badRequest("unsupported image type: "
                    + ChatFileNames.mime(data, ChatFileNames.sanitize(upload.fileName())));
        }
        Map<String, Object> attachment = store(room, caller.userId(), data, image, upload.fileName());
        return Reply.ok(attachment);
    }

    private void checkQuota(SessionClaims caller, long size) {
        long perUser = ctx.config().uploads().maxBytesPerUser();
        if (!caller.isSuperadmin() && perUser > 0
                && ctx.store().chatUploads().bytesOf(caller.userId()) + size > perUser) {
            throw new ApiException(507, "Upload quota exceeded (max " + perUser + " bytes per user)");
        }
        long global = ctx.config().uploads().globalThresholdBytes();
        if (global > 0 && ctx.store().chatUploads().totalBytes() + size > global) {
            throw new ApiException(507, "Server storage limit reached, please try again later");
        }
    }

    private static Optional<ImageProbe.Image> image(byte[] data) {
        try {
            return Optional.of(ImageProbe.probe(data));
        } catch (ImageProbe.Unsupported e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> store(Room room, String userId, byte[] data, Optional<ImageProbe.Image> image,
                                      String fileName) {
        String name = image.isPresent() ? null : ChatFileNames.sanitize(fileName);
        String mime = image.map(ImageProbe.Image::mime).orElseGet(() -> ChatFileNames.mime(data, name));
        String extension = image.map(ImageProbe.Image::extension).orElseGet(() -> ChatFileNames.extension(name));
        String hash = sha256Hex(data);
        boolean inline = data.length < ctx.config().uploads().inlineMaxBytes();
        String url;
        if (inline) {
            url = "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(data);
        } else {
            if (!UploadFiles.isSafeId(userId)) {
                throw ApiException.badRequest("Invalid path");
            }
            url = "/uploads/chat/" + files.saveChat(room.id(), userId, hash, extension, data);
        }
        ctx.store().chatUploads().record(room.id(), userId, hash, extension, data.length, inline ? "inline" : "disk",
                ctx.now());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", image.isPresent() ? "image" : "file");
        m.put("url", url);
        m.put("mime", mime);
        m.put("size", data.length);
        m.put("w", image.map(ImageProbe.Image::width).orElse(0));
        m.put("h", image.map(ImageProbe.Image::height).orElse(0));
        if (name != null) {
            m.put("name", name);
        }
        return m;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    Reply serve(Call call) {
        String key = call.path("roomId") + "/" + call.path("userId") + "/" + call.path("file");
        Path file = files.chatFile(key).orElseThrow(() -> ApiException.badRequest("Invalid path"));
        SessionClaims caller = call.caller();
        if (!caller.isSuperadmin() && !isActiveParticipant(call.path("roomId"), caller.userId())) {
            throw ApiException.forbidden("Not a participant in this room");
        }
        boolean image = key.endsWith(".png") || key.endsWith(".jpg") || key.endsWith(".gif") || key.endsWith(".webp");
        return AvatarEndpoints.FileReplies.file(file, !image);
    }
}
