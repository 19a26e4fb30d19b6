package dev.osprey.signaling.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalFrameCodecTest {

    private static ByteBuf text(String json) {
        return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    }

    @Test
    void decodesProtobufFromAPooledDirectBufferWithoutKeepingIt() throws SignalFrameException {
        SignalRequest trickle = SignalRequest.newBuilder().setTrickle(LivekitRtc.TrickleRequest.newBuilder()
                .setCandidateInit("{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 5000 typ host\"}")
                .setTarget(LivekitRtc.SignalTarget.SUBSCRIBER)).build();
        byte[] bytes = trickle.toByteArray();
        ByteBuf direct = ByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
        SignalRequest decoded;
        try {
            decoded = SignalFrameCodec.decodeProtobuf(direct);
        } finally {
            direct.release();
        }
        assertThat(decoded).isEqualTo(trickle);
        assertThat(decoded.getTrickle().getCandidateInit()).contains("typ host");
    }

    @Test
    void decodesProtojsonWithCamelAndSnakeNamesAndSkipsUnknownFields() throws SignalFrameException {
        ByteBuf camel = text("{\"pingReq\":{\"timestamp\":\"5\",\"rtt\":\"7\"},\"futureThing\":1}");
        ByteBuf snake = text("{\"ping_req\":{\"timestamp\":5,\"rtt\":7}}");
        try {
            SignalRequest expected = SignalRequest.newBuilder()
                    .setPingReq(LivekitRtc.Ping.newBuilder().setTimestamp(5).setRtt(7)).build();
            assertThat(SignalFrameCodec.decodeJson(camel)).isEqualTo(expected);
            assertThat(SignalFrameCodec.decodeJson(snake)).isEqualTo(expected);
        } finally {
            camel.release();
            snake.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{\"ping\":", "{\"ping\":\"abc\"}", "{\"offer\":[]}",
            "\"str\"", "{\"mute\":{\"muted\":\"maybe\"}}"})
    void rejectsMalformedJson(String json) {
        ByteBuf payload = text(json);
        try {
            assertThatThrownBy(() -> SignalFrameCodec.decodeJson(payload)).isInstanceOf(SignalFrameException.class);
        } finally {
            payload.release();
        }
    }

    @Test
    void rejectsDeeplyNestedJsonBeforeParsing() {
        ByteBuf payload = text("{\"offer\":" + "[".repeat(100_000));
        try {
            assertThatThrownBy(() -> SignalFrameCodec.decodeJson(payload))
                    .isInstanceOf(SignalFrameException.class).hasMessage("JSON signal request nested too deeply");
        } finally {
            payload.release();
        }
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() throws SignalFrameException {
        ByteBuf payload = text("{\"offer\":{\"sdp\":\"" + "[{".repeat(500) + "\\\"\"}}");
        try {
            assertThat(SignalFrameCodec.decodeJson(payload).getOffer().getSdp()).startsWith("[{[{").endsWith("\"");
        } finally {
            payload.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF", "0A", "0A05", "0A7F0000", "72", "7A0A", "08", "0F"})
    void rejectsMalformedProtobuf(String hex) {
        ByteBuf payload = Unpooled.wrappedBuffer(java.util.HexFormat.of().parseHex(hex));
        try {
            assertThatThrownBy(() -> SignalFrameCodec.decodeProtobuf(payload)).isInstanceOf(SignalFrameException.class);
        } finally {
            payload.release();
        }
    }

    @Test
    void deeplyNestedProtobufIsRejectedByTheRecursionLimit() {
        // field 1 (offer, a SessionDescription) cannot nest, so build nesting from unknown group-free length fields
        byte[] nested = new byte[0];
        for (int i = 0; i < 200; i++) {
            byte[] outer = new byte[nested.length + 3];
            outer[0] = (byte) 0xCA; // field 25 (unused), wire type 2
            outer[1] = 0x01;
            outer[2] = (byte) nested.length; // keeps lengths small: truncated, so the parser fails either way
            System.arraycopy(nested, 0, outer, 3, nested.length);
            nested = outer.length > 120 ? java.util.Arrays.copyOf(outer, 120) : outer;
        }
        ByteBuf payload = Unpooled.wrappedBuffer(nested);
        try {
            assertThatThrownBy(() -> SignalFrameCodec.decodeProtobuf(payload)).isInstanceOf(SignalFrameException.class);
        } finally {
            payload.release();
        }
    }

    @Test
    void encodesBinaryAndJsonResponses() throws Exception {
        SignalResponse pong = SignalResponse.newBuilder().setPongResp(LivekitRtc.Pong.newBuilder()
                .setLastPingTimestamp(1).setTimestamp(2)).build();
        WebSocketFrame binary = SignalFrameCodec.encode(pong, WireFormat.PROTOBUF, ByteBufAllocator.DEFAULT);
        WebSocketFrame json = SignalFrameCodec.encode(pong, WireFormat.JSON, ByteBufAllocator.DEFAULT);
        try {
            assertThat(binary).isInstanceOf(BinaryWebSocketFrame.class);
            byte[] bytes = new byte[binary.content().readableBytes()];
            binary.content().getBytes(0, bytes);
            assertThat(SignalResponse.parseFrom(bytes)).isEqualTo(pong);
            assertThat(json).isInstanceOf(TextWebSocketFrame.class);
            assertThat(((TextWebSocketFrame) json).text())
                    .isEqualTo("{\"pongResp\":{\"lastPingTimestamp\":\"1\",\"timestamp\":\"2\"}}");
        } finally {
            binary.release();
            json.release();
        }
    }
}
