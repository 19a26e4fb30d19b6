package dev.osprey.media.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The media type of an RTP payload format (RFC 4855 §3: {@code <kind>/<encoding name>}, e.g. {@code video/VP8}) as an
 * open value: the codecs an SFU treats specially have constants, any other encoding name is kept as given. Encoding
 * names compare case-insensitively (RFC 4855 §3), so {@code video/vp8} equals {@link #VP8}.
 */
public final class MimeType {
    public static final MimeType OPUS = new MimeType(MediaKind.AUDIO, "opus");
    /** RFC 2198 redundant audio. */
    public static final MimeType RED = new MimeType(MediaKind.AUDIO, "red");
    public static final MimeType PCMU = new MimeType(MediaKind.AUDIO, "PCMU");
    public static final MimeType PCMA = new MimeType(MediaKind.AUDIO, "PCMA");
    public static final MimeType VP8 = new MimeType(MediaKind.VIDEO, "VP8");
    public static final MimeType VP9 = new MimeType(MediaKind.VIDEO, "VP9");
    public static final MimeType H264 = new MimeType(MediaKind.VIDEO, "H264");
    public static final MimeType H265 = new MimeType(MediaKind.VIDEO, "H265");
    public static final MimeType AV1 = new MimeType(MediaKind.VIDEO, "AV1");
    /** RFC 4588 retransmission payload format of video. */
    public static final MimeType RTX = new MimeType(MediaKind.VIDEO, "rtx");
    /** RFC 4588 retransmission payload format of audio (rarely negotiated, kept distinct from video rtx). */
    public static final MimeType AUDIO_RTX = new MimeType(MediaKind.AUDIO, "rtx");

    private static final MimeType[] KNOWN = {OPUS, RED, PCMU, PCMA, VP8, VP9, H264, H265, AV1, RTX, AUDIO_RTX};

    private final MediaKind kind;
    private final String encodingName;

    private MimeType(MediaKind kind, String encodingName) {
        this.kind = kind;
        this.encodingName = encodingName;
    }

    /** The media type for {@code kind} and encoding name; returns the constant when one matches. */
    public static MimeType of(MediaKind kind, String encodingName) {
        Objects.requireNonNull(kind, "kind");
        if (encodingName == null || encodingName.isEmpty() || encodingName.indexOf('/') >= 0
                || !encodingName.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("bad RTP encoding name: " + encodingName);
        }
        for (MimeType known : KNOWN) {
            if (known.kind == kind && known.encodingName.equalsIgnoreCase(encodingName)) {
                return known;
            }
        }
        return new MimeType(kind, encodingName);
    }

    /** Parses {@code audio/opus} or {@code video/VP8} (the form LiveKit's TrackInfo carries). */
    public static MimeType parse(String mimeType) {
        int slash = mimeType == null ? -1 : mimeType.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a media type: " + mimeType);
        }
        return of(MediaKind.fromTypeName(mimeType.substring(0, slash)), mimeType.substring(slash + 1));
    }

    public MediaKind kind() {
        return kind;
    }

    /** The encoding name as first given (e.g. {@code VP8}, {@code opus}). */
    public String encodingName() {
        return encodingName;
    }

    /** Whether this is the RFC 4588 retransmission format. */
    public boolean isRtx() {
        return encodingName.equalsIgnoreCase("rtx");
    }

    /** Whether this is RFC 2198 redundancy. */
    public boolean isRed() {
        return encodingName.equalsIgnoreCase("red");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MimeType m && m.kind == kind && m.encodingName.equalsIgnoreCase(encodingName);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + encodingName.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return kind.typeName() + "/" + encodingName;
    }
}
