package dev.osprey.signaling.sdp;

import java.util.Locale;

/**
 * The {@code <media>} of an {@code m=} line, from the IANA "SDP Parameters / media" registry (RFC 8866 §5.14,
 * §8.2.2). An open enum: unregistered types are kept as written; equality ignores case.
 */
public final class MediaType {

    public static final MediaType AUDIO = new MediaType("audio");
    public static final MediaType VIDEO = new MediaType("video");
    public static final MediaType TEXT = new MediaType("text");
    public static final MediaType APPLICATION = new MediaType("application");
    public static final MediaType MESSAGE = new MediaType("message");
    public static final MediaType IMAGE = new MediaType("image");

    private final String name;

    private MediaType(String name) {
        this.name = name;
    }

    /** The registered constant for {@code name} (any case), or a new instance keeping the spelling. */
    public static MediaType valueOf(String name) {
        Checks.token(name, "media type");
        for (MediaType known : new MediaType[] {AUDIO, VIDEO, TEXT, APPLICATION, MESSAGE, IMAGE}) {
            if (known.name.equalsIgnoreCase(name) && known.name.equals(name)) {
                return known;
            }
        }
        return new MediaType(name);
    }

    /** The name as written. */
    public String name() {
        return name;
    }

    /** Audio or video, the kinds RTP codecs are negotiated for. */
    public boolean isRtpMedia() {
        return equals(AUDIO) || equals(VIDEO);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaType other && other.name.equalsIgnoreCase(name);
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
