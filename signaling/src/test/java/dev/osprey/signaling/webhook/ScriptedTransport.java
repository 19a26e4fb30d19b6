package dev.osprey.signaling.webhook;

import livekit.LivekitWebhook.WebhookEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link WebhookTransport} that records each POST and answers only when the test says so. */
final class ScriptedTransport implements WebhookTransport {

    /** One POST; complete {@code answer} with a status, or fail it as a connection error. */
    record Post(URI url, byte[] body, String authorization, CompletableFuture<Integer> answer) {

        WebhookEvent event() {
            WebhookEvent.Builder event = WebhookEvent.newBuilder();
            try {
                JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), event);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("webhook body is not protojson", e);
            }
            return event.build();
        }

        String id() {
            return event().getId();
        }
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Integer> post(URI url, byte[] body, String authorization) {
        Post post = new Post(url, body, authorization, new CompletableFuture<>());
        posts.add(post);
        return post.answer();
    }

    Post last() {
        return posts.getLast();
    }

    List<String> ids() {
        return posts.stream().map(Post::id).toList();
    }
}
