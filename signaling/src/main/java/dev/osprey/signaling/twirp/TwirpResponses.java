package dev.osprey.signaling.twirp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * Twirp's answers. A reply is {@code 200} in the request's encoding: protobuf, or protojson with the proto
 * (snake_case) field names and every field without presence emitted (int64 as strings, enums by name), as Twirp's Go
 * server marshals with {@code UseProtoNames} and {@code EmitUnpopulated}; unset message fields are left out where Go
 * writes {@code null}, which protojson readers take alike. An error is always JSON with {@code Content-Type:
 * application/json} exactly, which the Node SDK requires before it reads the body.
 */
public final class TwirpResponses {

    /** The exact error content type. */
    public static final String ERROR_CONTENT_TYPE = "application/json";
    private static final JsonFormat.Printer JSON = JsonFormat.printer()
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();

    private TwirpResponses() {
    }

    /** The reply to a call. */
    public static FullHttpResponse reply(ByteBufAllocator alloc, HttpVersion version, TwirpEncoding encoding,
                                         Message message) throws TwirpException {
        byte[] body;
        if (encoding == TwirpEncoding.PROTOBUF) {
            body = message.toByteArray();
        } else {
            try {
                body = JSON.print(message).getBytes(StandardCharsets.UTF_8);
            } catch (InvalidProtocolBufferException e) {
                throw new TwirpException(TwirpErrorCode.INTERNAL, "failed to marshal json response");
            }
        }
        return response(alloc, version, HttpResponseStatus.OK, encoding.contentType(), body);
    }

    /** An error answer with the code's HTTP status. */
    public static FullHttpResponse error(ByteBufAllocator alloc, HttpVersion version, TwirpException error) {
        return response(alloc, version, HttpResponseStatus.valueOf(error.code().httpStatus()), ERROR_CONTENT_TYPE,
                error.toJson());
    }

    private static FullHttpResponse response(ByteBufAllocator alloc, HttpVersion version, HttpResponseStatus status,
                                             String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(version, status,
                body.length == 0 ? Unpooled.EMPTY_BUFFER : alloc.buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
