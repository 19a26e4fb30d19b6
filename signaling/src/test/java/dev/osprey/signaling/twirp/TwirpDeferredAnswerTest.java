package dev.osprey.signaling.twirp;

import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.http.CorsPolicy;
import dev.osprey.signaling.http.SignalingHttpHandler;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asynchronous side of the Twirp route on an {@link EmbeddedChannel}: answers that come later and from another
 * thread, pipelined requests answered in order, a call that never completes, and a client that pipelines too deep.
 */
class TwirpDeferredAnswerTest {

    private final RecordingRoomService rooms = new RecordingRoomService();
    private final TwirpRoutes routes = new TwirpRoutes(rooms,
            new AccessTokenVerifier(Map.of(TwirpTestServer.API_KEY, TwirpTestServer.API_SECRET), Clock.systemUTC()),
            new SimpleMeterRegistry(), Duration.ofSeconds(5));
    private final EmbeddedChannel channel = new EmbeddedChannel(new SignalingHttpHandler(new CorsPolicy(), null, routes));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static FullHttpRequest call(String method, String token, String json) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/twirp/livekit.RoomService/" + method, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
        return request;
    }

    private String nextBody() {
        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response").isNotNull();
        try {
            return response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhenTheFirstCompletesLater() {
        CompletableFuture<Void> held = rooms.holdAnswers();
        String admin = TwirpTestServer.token(new RoomAdmin(true), new RoomName("r"));
        channel.writeInbound(call("UpdateRoomMetadata", admin, "{\"room\":\"r\",\"metadata\":\"first\"}"),
                call("GetParticipant", admin, "{\"room\":\"r\",\"identity\":\"bob\"}"));
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(rooms.calls).hasSize(1); // the second request waits, unread by the route

        held.complete(null); // on the test thread: the answer hops to the channel's loop
        channel.runPendingTasks();
        assertThat(nextBody()).startsWith("200 {\"sid\":\"RM_r\"").contains("\"metadata\":\"first\"");
        assertThat(rooms.calls).hasSize(2);
        channel.runPendingTasks();
        assertThat(nextBody()).startsWith("200 {\"sid\":\"PA_bob\"");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aCallThatNeverCompletesIsAnsweredDeadlineExceededOnce() {
        CompletableFuture<Void> held = rooms.holdAnswers();
        channel.writeInbound(call("ListRooms", TwirpTestServer.token(new RoomList(true)), "{}"));
        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(nextBody()).isEqualTo("408 {\"code\":\"deadline_exceeded\","
                + "\"msg\":\"the room service did not answer within 5000 ms\",\"meta\":{}}");
        held.complete(null); // too late: nothing more is written
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aClientPipeliningTooDeepIsDisconnected() {
        rooms.holdAnswers();
        String token = TwirpTestServer.token(new RoomList(true));
        channel.writeInbound(call("ListRooms", token, "{}"));
        int written = 0;
        while (channel.isOpen() && written <= SignalingHttpHandler.MAX_WAITING_REQUESTS) {
            channel.writeInbound(call("ListRooms", token, "{}"));
            written++;
        }
        assertThat(written).isEqualTo(SignalingHttpHandler.MAX_WAITING_REQUESTS + 1);
        assertThat(channel.isOpen()).isFalse();
    }
}
