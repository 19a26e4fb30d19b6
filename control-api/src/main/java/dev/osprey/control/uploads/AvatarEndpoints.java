package dev.osprey.control.uploads;

import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.UserJson;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Profile photos (bedrud-api.md §2.2, §2.1): {@code POST|DELETE /api/auth/me/avatar} (multipart field {@code avatar},
 * at most 2 MB and 1024×1024, PNG/JPEG/GIF/WebP) and the public {@code GET /uploads/avatars/<file>}. The URL stored on
 * the user carries {@code ?v=<time>} so browsers fetch a replaced photo.
 */
public final class AvatarEndpoints {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_DIMENSION = 1024;
    static final String URL_PREFIX = "/uploads/avatars/";

    private final ControlContext ctx;
    private final UploadFiles files;

    public AvatarEndpoints(ControlContext ctx) {
        this.ctx = ctx;
        this.files = new UploadFiles(ctx.config().uploads().dir());
    }

    public void register(ApiRouter api) {
        api.post("/api/auth/me/avatar", Guard.AM, this::upload);
        api.delete("/api/auth/me/avatar", Guard.AM, this::remove);
        api.get(URL_PREFIX + ":file", Guard.NONE, this::serve);
    }

    private User currentUser(Call call) {
        return ctx.store().users().findById(call.caller().userId())
                .orElseThrow(() -> ApiException.unauthorized("User not found"));
    }

    Reply upload(Call call) {
        Call.Upload upload = call.upload("avatar")
                .orElseThrow(() -> ApiException.badRequest("Avatar file is required"));
        byte[] data = upload.read(MAX_BYTES, ApiException.badRequest("Avatar too large (max 2 MB)"));
        if (data.length == 0) {
            throw ApiException.badRequest("empty upload");
        }
        ImageProbe.Image image;
        try {
            image = ImageProbe.probe(data);
        } catch (ImageProbe.Unsupported e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (image.width() > MAX_DIMENSION || image.height() > MAX_DIMENSION) {
            throw ApiException.badRequest("image dimensions too large (max " + MAX_DIMENSION + "x" + MAX_DIMENSION
                    + ")");
        }
        User user = currentUser(call);
        if (!UploadFiles.isSafeId(user.id())) {
            throw ApiException.badRequest("user id required");
        }
        String name = files.saveAvatar(user.id(), image, data);
        long now = ctx.now();
        ctx.store().users().updateAvatar(user.id(), URL_PREFIX + name + "?v=" + now / 1000, now);
        return Reply.ok(UserJson.profile(currentUser(call)));
    }

    Reply remove(Call call) {
        User user = currentUser(call);
        if (user.avatarUrl() != null && user.avatarUrl().startsWith(URL_PREFIX)) {
            files.deleteAvatars(user.id());
        }
        ctx.store().users().updateAvatar(user.id(), "", ctx.now());
        return Reply.ok(UserJson.profile(currentUser(call)));
    }

    Reply serve(Call call) {
        Path file = files.avatarFile(call.path("file")).orElseThrow(() -> ApiException.badRequest("Invalid path"));
        return FileReplies.file(file, false);
    }

    /** Reads a stored file into a reply (uploads are small: at most the request body limit). */
    static final class FileReplies {
        private FileReplies() {
        }

        static Reply file(Path file, boolean attachment) {
            if (!Files.isRegularFile(file)) {
                throw ApiException.notFound("Not found");
            }
            try {
                Reply reply = Reply.bytes(200, UploadFiles.contentType(file), Files.readAllBytes(file))
                        .header("Cache-Control", "private, max-age=86400");
                return attachment ? reply.header("Content-Disposition", "attachment") : reply;
            } catch (IOException e) {
                throw ApiException.notFound("Not found");
            }
        }
    }
}
