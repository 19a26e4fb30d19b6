package dev.osprey.media.api;

import java.util.Objects;

/**
 * The URI that names an RTP header extension in {@code a=extmap} (RFC 8285 §5), as an open value: the extensions an
 * SFU interprets have constants, any other URI is kept so that it can be passed through or dropped by identity.
 */
public final class HeaderExtensionUri {
    /** RFC 9143 §15: the media section's MID. */
    public static final HeaderExtensionUri MID = new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:sdes:mid");
    /** RFC 8852 §3.1: RtpStreamId, the simulcast rid. */
    public static final HeaderExtensionUri RTP_STREAM_ID =
            new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
    /** RFC 8852 §3.2: RepairedRtpStreamId, the rid an RTX stream repairs. */
    public static final HeaderExtensionUri REPAIRED_RTP_STREAM_ID =
            new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
    /** RFC 6464: client-to-mixer audio level. */
    public static final HeaderExtensionUri AUDIO_LEVEL =
            new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:ssrc-audio-level");
    /** WebRTC abs-send-time, for receive-side estimation (REMB). */
    public static final HeaderExtensionUri ABS_SEND_TIME =
            new HeaderExtensionUri("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time");
    /** draft-holmer-rmcat-transport-wide-cc-extensions-01 transport-wide sequence number. */
    public static final HeaderExtensionUri TRANSPORT_WIDE_CC =
            new HeaderExtensionUri("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
    /** WebRTC abs-capture-time. */
    public static final HeaderExtensionUri ABS_CAPTURE_TIME =
            new HeaderExtensionUri("http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time");
    /** WebRTC playout-delay. */
    public static final HeaderExtensionUri PLAYOUT_DELAY =
            new HeaderExtensionUri("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay");
    /** AV1 RTP specification appendix A dependency descriptor (AV1 and VP9 SVC). */
    public static final HeaderExtensionUri DEPENDENCY_DESCRIPTOR = new HeaderExtensionUri(
            "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension");
    /** draft-ietf-avtext-framemarking. */
    public static final HeaderExtensionUri FRAME_MARKING =
            new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:framemarking");
    /** RFC 5450 transmission time offset. */
    public static final HeaderExtensionUri TRANSMISSION_TIME_OFFSET =
            new HeaderExtensionUri("urn:ietf:params:rtp-hdrext:toffset");
    /** 3GPP TS 26.114 coordination of video orientation. */
    public static final HeaderExtensionUri VIDEO_ORIENTATION = new HeaderExtensionUri("urn:3gpp:video-orientation");

    private static final HeaderExtensionUri[] KNOWN = {MID, RTP_STREAM_ID, REPAIRED_RTP_STREAM_ID, AUDIO_LEVEL,
        ABS_SEND_TIME, TRANSPORT_WIDE_CC, ABS_CAPTURE_TIME, PLAYOUT_DELAY, DEPENDENCY_DESCRIPTOR, FRAME_MARKING,
        TRANSMISSION_TIME_OFFSET, VIDEO_ORIENTATION};

    private final String uri;

    private HeaderExtensionUri(String uri) {
        this.uri = uri;
    }

    /** The value for {@code uri}; the constant when one matches exactly (URIs compare case-sensitively). */
    public static HeaderExtensionUri of(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank() || uri.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            throw new IllegalArgumentException("bad header extension URI: " + uri);
        }
        for (HeaderExtensionUri known : KNOWN) {
            if (known.uri.equals(uri)) {
                return known;
            }
        }
        return new HeaderExtensionUri(uri);
    }

    public String value() {
        return uri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderExtensionUri h && h.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return uri;
    }
}
