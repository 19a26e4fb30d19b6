package dev.osprey.signaling.ws;

import dev.osprey.signaling.SignalingMetrics;
import dev.osprey.signaling.auth.ClaimGrants;
import dev.osprey.signaling.join.ParticipantInit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleStateHandler;
import livekit.LivekitModels;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRoom.CreateRoomRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SignalSessionHandlerTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SignalingMetrics metrics = new SignalingMetrics(registry);
    private EmbeddedChannel channel;

    static ParticipantInit participant() {
        ClaimGrants grants = new ClaimGrants("alice", "", LivekitModels.ParticipantInfo.Kind.STANDARD, List.of(), null,
                "", Map.of(), "", null, "");
        return new ParticipantInit("room", grants, "devkey", NOW.plusSeconds(60),
                LivekitModels.ClientInfo.getDefaultInstance(), true, null, false, false, false, "",
                LivekitModels.ReconnectReason.RR_UNKNOWN, null, CreateRoomRequest.getDefaultInstance());
    }

    @BeforeEach
    void open() {
        channel = new EmbeddedChannel(new IdleStateHandler(SignalSessionUpgrader.IDLE_SECONDS, 0, 0, TimeUnit.SECONDS),
                new SignalSessionHandler(participant(), metrics, Clock.fixed(NOW, ZoneOffset.UTC), 2048, null));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private SignalResponse replyTo(SignalRequest request) throws Exception {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(request.toByteArray())));
        BinaryWebSocketFrame frame = channel.readOutbound();
        try {
            byte[] bytes = new byte[frame.content().readableBytes()];
            frame.content().readBytes(bytes);
            return SignalResponse.parseFrom(bytes);
        } finally {
            frame.release();
        }
    }

    private CloseWebSocketFrame closeFrame() {
        Object out = channel.readOutbound();
        assertThat(out).isInstanceOf(CloseWebSocketFrame.class);
        return (CloseWebSocketFrame) out;
    }

    private void assertClosedWith(int code, String reason) {
        CloseWebSocketFrame close = closeFrame();
        try {
            assertThat(close.statusCode()).isEqualTo(code);
            assertThat(close.reasonText()).isEqualTo(reason);
        } finally {
            close.release();
        }
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void countsTheSessionWhileOpen() {
        assertThat(metrics.openConnections()).isEqualTo(1);
        channel.close();
        assertThat(metrics.openConnections()).isZero();
    }

    @Test
    void pingIsAnsweredWithServerTime() throws Exception {
        assertThat(replyTo(SignalRequest.newBuilder().setPing(5).build()).getPong()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void pingReqEchoesTheTimestamp() throws Exception {
        SignalResponse response = replyTo(SignalRequest.newBuilder()
                .setPingReq(livekit.LivekitRtc.Ping.newBuilder().setTimestamp(-3).setRtt(50)).build());
        assertThat(response.getPongResp().getLastPingTimestamp()).isEqualTo(-3);
        assertThat(response.getPongResp().getTimestamp()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void otherRequestsAreAcceptedWithoutAnswer() {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(SignalRequest.newBuilder()
                .setMute(livekit.LivekitRtc.MuteTrackRequest.newBuilder().setSid("TR_x").setMuted(true)).build()
                .toByteArray())));
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.EMPTY_BUFFER));
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isActive()).isTrue();
        assertThat(registry.find("osprey.signaling.frames.received").tag("encoding", "protobuf").counter().count())
                .isEqualTo(2);
    }

    @Test
    void textRequestIsAnsweredInJson() {
        channel.writeInbound(new TextWebSocketFrame("{\"ping\":\"9\"}"));
        TextWebSocketFrame reply = channel.readOutbound();
        try {
            assertThat(reply.text()).isEqualTo("{\"pong\":\"" + NOW.toEpochMilli() + "\"}");
        } finally {
            reply.release();
        }
    }

    @Test
    void sendsAWebSocketPingEveryTenSeconds() {
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        PingWebSocketFrame ping = channel.readOutbound();
        assertThat(ping).isNotNull();
        ping.release();
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        PingWebSocketFrame second = channel.readOutbound();
        assertThat(second).isNotNull();
        second.release();
    }

    @Test
    void silentClientIsClosedAfterThreePingPeriods() {
        for (int i = 0; i < 3; i++) {
            channel.advanceTimeBy(10, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
            if (i < 2) {
                PingWebSocketFrame ping = channel.readOutbound();
                ping.release();
                channel.writeInbound(new PongWebSocketFrame()); // a live client answers
            }
        }
        PingWebSocketFrame ping = channel.readOutbound();
        ping.release();
        assertThat(channel.isActive()).isTrue(); // only ten silent seconds so far
        channel.advanceTimeBy(21, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        while (channel.outboundMessages().peek() instanceof PingWebSocketFrame p) {
            channel.readOutbound();
            p.release();
        }
        assertClosedWith(1001, "no traffic from client");
        assertThat(registry.find("osprey.signaling.sessions.timedout").counter().count()).isEqualTo(1);
    }

    @Test
    void controlPingIsAnsweredWithTheSamePayload() {
        channel.writeInbound(new PingWebSocketFrame(Unpooled.copiedBuffer("abc", StandardCharsets.UTF_8)));
        PongWebSocketFrame pong = channel.readOutbound();
        try {
            assertThat(pong.content().toString(StandardCharsets.UTF_8)).isEqualTo("abc");
        } finally {
            pong.release();
        }
    }

    @Test
    void clientCloseIsEchoed() {
        channel.writeInbound(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "done"));
        assertClosedWith(1000, "");
    }

    @Test
    void leaveClosesNormally() {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(SignalRequest.newBuilder()
                .setLeave(livekit.LivekitRtc.LeaveRequest.getDefaultInstance()).build().toByteArray())));
        assertClosedWith(1000, "");
    }

    @Test
    void malformedProtobufClosesWithInvalidPayload() {
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {0x0A, 0x7F})));
        assertClosedWith(1007, "malformed protobuf signal request");
        assertThat(registry.find("osprey.signaling.frames.malformed").tag("reason", "protobuf").counter().count())
                .isEqualTo(1);
    }

    @Test
    void malformedJsonClosesWithInvalidPayload() {
        channel.writeInbound(new TextWebSocketFrame("{\"ping\":"));
        assertClosedWith(1007, "malformed JSON signal request");
    }

    @Test
    void strayContinuationFrameIsAProtocolError() {
        channel.writeInbound(new ContinuationWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
        assertClosedWith(1002, "unexpected frame type");
    }

    @Test
    void oversizeMessageClosesWithMessageTooBig() {
        channel.pipeline().fireExceptionCaught(new TooLongFrameException("content length exceeded 2048 bytes."));
        assertClosedWith(1009, "signal message exceeds size limit of 2048 bytes");
        assertThat(registry.find("osprey.signaling.frames.malformed").tag("reason", "oversize").counter().count())
                .isEqualTo(1);
    }

    @Test
    void corruptFrameClosesWithItsStatus() {
        channel.pipeline().fireExceptionCaught(
                new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, "RSV != 0"));
        assertClosedWith(1002, "RSV != 0");
    }

    @Test
    void peerResetClosesWithoutACloseFrame() {
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void unexpectedErrorClosesWithInternalError() {
        channel.pipeline().fireExceptionCaught(new IllegalStateException("bug"));
        assertClosedWith(1011, "internal error");
    }

    @Test
    void stopsReadingWhileTheClientDoesNotRead() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        ByteBuf big = Unpooled.wrappedBuffer(new byte[64]);
        channel.write(new BinaryWebSocketFrame(big));
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.flush();
        assertThat(channel.config().isAutoRead()).isTrue();
        BinaryWebSocketFrame written = channel.readOutbound();
        written.release();
    }
}
