package dev.osprey.control.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.osprey.control.ControlContext;
import dev.osprey.control.db.Room;
import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Call;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.http.Reply;
import livekit.LivekitWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /api/livekit/webhook} (bedrud-api.md §6): keeps the database in step with the media server.
 * {@code participant_left} marks that participation inactive; {@code room_finished} ends the room and everyone's
 * participation. Joins are recorded at token-mint time, so other events are acknowledged and ignored.
 */
public final class WebhookEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ControlContext ctx;
    private final WebhookVerifier verifier;

    public WebhookEndpoint(ControlContext ctx) {
        this.ctx = ctx;
        this.verifier = new WebhookVerifier(ctx.config().livekit().apiKey(), ctx.config().livekit().apiSecret(),
                ctx.clock());
    }

    public void register(ApiRouter api) {
        api.post("/api/livekit/webhook", Guard.NONE, this::receive);
    }

    Reply receive(Call call) {
        byte[] body = call.rawBody();
        if (!verifier.verify(call.header("Authorization"), body)) {
            throw ApiException.unauthorized("invalid webhook signature");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "Request Entity Too Large");
        }
        LivekitWebhook.WebhookEvent event = decode(body);
        switch (event.getEvent()) {
            case "participant_left" -> participantLeft(event);
            case "room_finished" -> roomFinished(event);
            default -> LOG.debug("webhook event ignored: {}", event.getEvent());
        }
        return Reply.ok(Map.of("ok", true));
    }

    static LivekitWebhook.WebhookEvent decode(byte[] body) {
        LivekitWebhook.WebhookEvent.Builder builder = LivekitWebhook.WebhookEvent.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(new String(body, StandardCharsets.UTF_8), builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw ApiException.badRequest(JsonBody.INVALID_INPUT);
        }
    }

    private void participantLeft(LivekitWebhook.WebhookEvent event) {
        String identity = event.getParticipant().getIdentity();
        activeRoom(event.getRoom().getName()).ifPresent(room ->
                ctx.store().participants().markLeft(room.id(), identity, ctx.now()));
    }

    private void roomFinished(LivekitWebhook.WebhookEvent event) {
        activeRoom(event.getRoom().getName()).ifPresent(room -> {
            long now = ctx.now();
            ctx.store().participants().markAllLeft(room.id(), now);
            ctx.store().rooms().setActive(room.id(), false, now);
        });
    }

    private java.util.Optional<Room> activeRoom(String name) {
        if (name == null || name.isEmpty()) {
            return java.util.Optional.empty();
        }
        return ctx.store().rooms().findByName(name).filter(Room::active);
    }
}
