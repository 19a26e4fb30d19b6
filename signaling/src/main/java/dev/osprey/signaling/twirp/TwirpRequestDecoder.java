package dev.osprey.signaling.twirp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a Twirp HTTP request into a typed call, in the order of Twirp's generated Go server: the method must be
 * {@code POST}, the path {@code [<prefix>]/livekit.RoomService/<Method>}, the {@code Content-Type} one of the two
 * encodings ({@code bad_route} otherwise), and the body a {@code protobuf} or protojson request ({@code malformed}
 * otherwise). JSON requests accept lowerCamel and snake_case names and ignore unknown fields, as protojson with
 * {@code DiscardUnknown} does. Never throws anything but {@link TwirpException}.
 */
public final class TwirpRequestDecoder {

    /** The package-qualified service this server answers. */
    public static final String SERVICE = "livekit.RoomService";
    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private TwirpRequestDecoder() {
    }

    /** The routed method and the encoding of its body. */
    public record Route(RoomServiceMethod method, TwirpEncoding encoding) {
    }

    /** Checks method, path and content type; {@code path} is the decoded path without the query. */
    public static Route route(String httpMethod, String path, String contentType) throws TwirpException {
        if (!"POST".equals(httpMethod)) {
            throw TwirpException.badRoute("unsupported method " + quote(httpMethod) + " (only POST is allowed)",
                    httpMethod, path);
        }
        int methodSlash = path.lastIndexOf('/');
        int serviceSlash = methodSlash <= 0 ? -1 : path.lastIndexOf('/', methodSlash - 1);
        String service = serviceSlash < 0 ? "" : path.substring(serviceSlash + 1, methodSlash);
        RoomServiceMethod method = methodSlash < 0 ? null : RoomServiceMethod.byWireName(path.substring(methodSlash + 1));
        if (!SERVICE.equals(service) || method == null) {
            throw TwirpException.badRoute("no handler for path " + quote(path), httpMethod, path);
        }
        TwirpEncoding encoding = TwirpEncoding.ofContentType(contentType);
        if (encoding == null) {
            throw TwirpException.badRoute("unexpected Content-Type: " + quote(contentType == null ? "" : contentType),
                    httpMethod, path);
        }
        return new Route(method, encoding);
    }

    /** Decodes the request body of {@code route}'s method; the buffer is read, not released. */
    public static Message decodeBody(Route route, ByteBuf body) throws TwirpException {
        Message prototype = route.method().requestPrototype();
        return route.encoding() == TwirpEncoding.PROTOBUF ? protobuf(prototype, body) : json(prototype, body);
    }

    private static Message protobuf(Message prototype, ByteBuf body) throws TwirpException {
        try {
            return prototype.getParserForType().parseFrom(body.nioBuffer());
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw TwirpException.malformed("the protobuf request could not be decoded");
        }
    }

    private static Message json(Message prototype, ByteBuf body) throws TwirpException {
        String text;
        try {
            ByteBuffer bytes = body.nioBuffer();
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw TwirpException.malformed("the json request could not be decoded");
        }
        Message.Builder builder = prototype.newBuilderForType();
        try {
            JSON.merge(text, builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: a parser recursing on hostile nesting must not take the event loop down
            throw TwirpException.malformed("the json request could not be decoded");
        }
    }

    /** Go's {@code %q}: a double-quoted string with quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
