package dev.osprey.signaling.twirp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Twirp error: the code, a message for humans and string metadata, serialised as the JSON object
 * {@code {"code":…,"msg":…,"meta":{…}}} that every Twirp client parses (Twirp wire protocol v7, "Error responses").
 * It is the only failure the request decoding reports.
 */
public final class TwirpException extends Exception {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwirpErrorCode code;
    private final Map<String, String> meta;

    public TwirpException(TwirpErrorCode code, String msg) {
        this(code, msg, Map.of());
    }

    public TwirpException(TwirpErrorCode code, String msg, Map<String, String> meta) {
        super(Objects.requireNonNull(msg, "msg"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.meta = Map.copyOf(meta);
    }

    public TwirpErrorCode code() {
        return code;
    }

    public Map<String, String> meta() {
        return meta;
    }

    /** Twirp's {@code bad_route}, with the offending {@code <METHOD> <path>} in {@code twirp_invalid_route}. */
    public static TwirpException badRoute(String msg, String httpMethod, String path) {
        return new TwirpException(TwirpErrorCode.BAD_ROUTE, msg, Map.of("twirp_invalid_route", httpMethod + " " + path));
    }

    public static TwirpException malformed(String msg) {
        return new TwirpException(TwirpErrorCode.MALFORMED, msg);
    }

    /** The error body; {@code meta} is always present (empty when there is none). */
    public byte[] toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.wireName());
        body.put("msg", getMessage());
        body.put("meta", meta);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            // strings only: Jackson cannot fail on them, but the answer must still be valid JSON
            return ("{\"code\":\"internal\",\"msg\":\"error encoding failed\",\"meta\":{}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
