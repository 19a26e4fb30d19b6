package dev.osprey.media.api;

/** The media type of an RTP session (RFC 8866 §5.14 {@code m=} media field) as far as an SFU cares: a closed set. */
public enum MediaKind {
    AUDIO,
    VIDEO;

    /** The lower-case name used as the top-level type of a media type ({@code audio/opus}, {@code video/VP8}). */
    public String typeName() {
        return this == AUDIO ? "audio" : "video";
    }

    /** The kind whose {@link #typeName()} is {@code name}, ignoring case. */
    public static MediaKind fromTypeName(String name) {
        if ("audio".equalsIgnoreCase(name)) {
            return AUDIO;
        }
        if ("video".equalsIgnoreCase(name)) {
            return VIDEO;
        }
        throw new IllegalArgumentException("not an RTP media kind: " + name);
    }
}
