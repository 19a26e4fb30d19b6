package dev.osprey.signaling.twirp;

import java.util.Locale;

/**
 * The two request encodings of Twirp: {@code application/protobuf} (the Kotlin/Java SDK, Go's protobuf client) and
 * {@code application/json} (the Node SDK, with {@code ;charset=UTF-8}). Only the media type before {@code ;} counts,
 * case-insensitively, as in Twirp's Go server; responses use the request's encoding.
 */
public enum TwirpEncoding {
    PROTOBUF("application/protobuf"),
    JSON("application/json");

    private final String contentType;

    TwirpEncoding(String contentType) {
        this.contentType = contentType;
    }

    /** The exact {@code Content-Type} of a response in this encoding. */
    public String contentType() {
        return contentType;
    }

    /** @return the encoding named by a request's {@code Content-Type}, or {@code null} if it names neither */
    public static TwirpEncoding ofContentType(String header) {
        if (header == null) {
            return null;
        }
        int semicolon = header.indexOf(';');
        String mediaType = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        for (TwirpEncoding encoding : values()) {
            if (encoding.contentType.equals(mediaType)) {
                return encoding;
            }
        }
        return null;
    }
}
