package dev.osprey.media.api;

import java.util.Objects;

/**
 * One RTP stream of a media section: a simulcast layer of a publisher (identified by its RID, RFC 8851, and/or an
 * SSRC) or the single stream Osprey sends to a subscriber.
 *
 * @param rid           RTP stream id (RFC 8852 {@code sdes:rtp-stream-id}), empty when the stream has none
 * @param ssrc          the SSRC, 0..2^32-1, or {@link #UNKNOWN_SSRC} when it is learned from the first packet
 * @param rtxSsrc       the RFC 4588 repair stream's SSRC, or {@link #UNKNOWN_SSRC}
 * @param quality       the simulcast layer's quality ({@link LayerQuality#HIGH} for a single-layer stream)
 * @param maxWidth      width of the layer in pixels, 0 when unknown (audio)
 * @param maxHeight     height of the layer in pixels, 0 when unknown (audio)
 * @param maxBitrateBps announced bitrate of the layer, 0 when unknown
 */
public record Encoding(String rid, long ssrc, long rtxSsrc, LayerQuality quality, int maxWidth, int maxHeight,
                       long maxBitrateBps) {
    /** SSRC not known (yet). */
    public static final long UNKNOWN_SSRC = -1;

    public Encoding {
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(quality, "quality");
        checkSsrc(ssrc);
        checkSsrc(rtxSsrc);
        if (rid.length() > 255 || !rid.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            // RFC 8851 §10: rid-syntax is alphanumeric with '-' and '_' (and RFC 8852 caps the SDES item at 255).
            throw new IllegalArgumentException("bad rid: " + rid);
        }
        if (maxWidth < 0 || maxHeight < 0 || maxBitrateBps < 0) {
            throw new IllegalArgumentException("negative dimensions or bitrate");
        }
    }

    /** A simulcast layer known only by its RID. */
    public static Encoding ofRid(String rid, LayerQuality quality, int maxWidth, int maxHeight) {
        return new Encoding(rid, UNKNOWN_SSRC, UNKNOWN_SSRC, quality, maxWidth, maxHeight, 0);
    }

    /** A single stream known by its SSRC (and RTX SSRC, or {@link #UNKNOWN_SSRC}). */
    public static Encoding ofSsrc(long ssrc, long rtxSsrc) {
        return new Encoding("", ssrc, rtxSsrc, LayerQuality.HIGH, 0, 0, 0);
    }

    public boolean hasRid() {
        return !rid.isEmpty();
    }

    public boolean hasSsrc() {
        return ssrc != UNKNOWN_SSRC;
    }

    public boolean hasRtxSsrc() {
        return rtxSsrc != UNKNOWN_SSRC;
    }

    private static void checkSsrc(long ssrc) {
        if (ssrc != UNKNOWN_SSRC && (ssrc < 0 || ssrc > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("SSRC out of 32-bit range: " + ssrc);
        }
    }
}
