package dev.osprey.signaling.ws;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;

/**
 * Fuzzes the WebSocket message → {@code SignalRequest} path in both encodings from a pooled direct buffer (as the
 * frame decoder delivers it). Only {@link SignalFrameException} may escape; what decodes must survive a re-encode
 * unchanged, and the payload buffer is always released.
 */
class SignalFrameCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) throws Exception {
        ByteBuf payload = ByteBufAllocator.DEFAULT.directBuffer(input.length).writeBytes(input);
        try {
            roundTripIfValid(SignalFrameCodec::decodeProtobuf, payload);
            roundTripIfValid(SignalFrameCodec::decodeJson, payload);
        } finally {
            payload.release();
        }
    }

    private interface Decoder {
        SignalRequest decode(ByteBuf payload) throws SignalFrameException;
    }

    private static void roundTripIfValid(Decoder decoder, ByteBuf payload) throws Exception {
        SignalRequest request;
        try {
            request = decoder.decode(payload.duplicate());
        } catch (SignalFrameException expected) {
            return;
        }
        if (!SignalRequest.parseFrom(request.toByteArray()).equals(request)) {
            throw new AssertionError("protobuf round trip changed " + request);
        }
        // answering in either encoding must work for whatever a client sent
        SignalResponse echo = SignalResponse.newBuilder().setPong(request.getPing()).build();
        for (WireFormat format : WireFormat.values()) {
            WebSocketFrame frame = SignalFrameCodec.encode(echo, format, ByteBufAllocator.DEFAULT);
            frame.release();
        }
    }
}
