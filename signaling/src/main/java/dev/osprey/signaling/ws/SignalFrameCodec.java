package dev.osprey.signaling.ws;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * WebSocket message payloads ⇄ LiveKit signal messages ({@code livekit_rtc.proto}), using the generated classes of
 * {@code io.livekit:livekit-server}. Decoding never keeps a reference to the payload buffer and never throws
 * anything but {@link SignalFrameException}.
 */
public final class SignalFrameCodec {

    /** Nesting allowed in protojson text, the same bound protobuf's binary parser applies (its recursion limit). */
    static final int MAX_JSON_DEPTH = 100;
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private SignalFrameCodec() {
    }

    /** A binary frame's payload: protobuf {@code SignalRequest}. */
    public static SignalRequest decodeProtobuf(ByteBuf payload) throws SignalFrameException {
        try {
            return SignalRequest.parseFrom(CodedInputStream.newInstance(payload.nioBuffer()));
        } catch (IOException | RuntimeException e) {
            throw new SignalFrameException("malformed protobuf signal request", e);
        }
    }

    /** A text frame's payload: protojson {@code SignalRequest}; fields this protocol version lacks are skipped. */
    public static SignalRequest decodeJson(ByteBuf payload) throws SignalFrameException {
        String text = payload.toString(StandardCharsets.UTF_8);
        checkDepth(text);
        try {
            SignalRequest.Builder builder = SignalRequest.newBuilder();
            JSON_PARSER.merge(text, builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new SignalFrameException("malformed JSON signal request", e);
        }
    }

    /** Encodes a response as the frame type of the given encoding. */
    public static WebSocketFrame encode(SignalResponse response, WireFormat format, ByteBufAllocator alloc) {
        if (format == WireFormat.JSON) {
            try {
                return new TextWebSocketFrame(JSON_PRINTER.print(response));
            } catch (InvalidProtocolBufferException e) {
                // only Any fields with unknown types fail to print, and SignalResponse has none
                throw new IllegalStateException("cannot print signal response as JSON", e);
            }
        }
        ByteBuf out = alloc.buffer(response.getSerializedSize());
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
            response.writeTo(stream);
        } catch (IOException e) {
            out.release();
            throw new IllegalStateException("cannot serialise signal response", e);
        }
        return new BinaryWebSocketFrame(out);
    }

    /**
     * Rejects JSON nested deeper than {@link #MAX_JSON_DEPTH} before the recursive JSON parser sees it, so that a
     * message of brackets cannot exhaust the event loop thread's stack.
     */
    static void checkDepth(String json) throws SignalFrameException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_JSON_DEPTH) {
                    throw new SignalFrameException("JSON signal request nested too deeply");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
