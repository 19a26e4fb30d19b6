package dev.osprey.signaling.twirp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Twirp request decoding. The first byte chooses the shape: high bit clear → byte 0 picks the method,
 * byte 1 the encoding, the rest is the body; high bit set → the rest is {@code <method>\n<path>\n<content type>\n<body>}
 * so that routing sees arbitrary paths and content types. A decoded request is also answered (JSON or protobuf) and
 * checked against every grant, as a call would be. Only {@link TwirpException} may come out.
 */
class TwirpRequestFuzzTest {

    private static final RoomServiceMethod[] METHODS = RoomServiceMethod.values();

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) {
        if (input.length < 2) {
            return;
        }
        String httpMethod = "POST";
        String path;
        String contentType;
        int bodyStart;
        if ((input[0] & 0x80) == 0) {
            path = "/twirp/" + TwirpRequestDecoder.SERVICE + "/" + METHODS[(input[0] & 0x7f) % METHODS.length].wireName();
            contentType = (input[1] & 1) == 0 ? "application/protobuf" : "application/json;charset=UTF-8";
            bodyStart = 2;
        } else {
            String text = new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1);
            String[] parts = text.split("\n", 4);
            if (parts.length < 4) {
                return;
            }
            httpMethod = parts[0];
            path = parts[1];
            contentType = parts[2];
            bodyStart = input.length - parts[3].length();
        }
        ByteBuf body = Unpooled.wrappedBuffer(input, bodyStart, input.length - bodyStart);
        try {
            TwirpRequestDecoder.Route route = TwirpRequestDecoder.route(httpMethod, path, contentType);
            Message request = TwirpRequestDecoder.decodeBody(route, body);
            if (!route.method().requestPrototype().getClass().isInstance(request)) {
                throw new AssertionError("decoded " + request.getClass() + " for " + route.method());
            }
            answer(route, request);
            TwirpAuthorizer.authorize(route.method(), null, request);
            throw new AssertionError("a request without grants was authorised");
        } catch (TwirpException expected) {
            if (expected.toJson().length == 0) {
                throw new AssertionError("empty error body");
            }
        } finally {
            body.release();
        }
    }

    /** The decoded request answered as if it were the reply: exercises the printer on whatever was decoded. */
    private static void answer(TwirpRequestDecoder.Route route, Message request) throws TwirpException {
        FullHttpResponse response = TwirpResponses.reply(UnpooledByteBufAllocator.DEFAULT, HttpVersion.HTTP_1_1,
                route.encoding(), request);
        response.release();
    }
}
