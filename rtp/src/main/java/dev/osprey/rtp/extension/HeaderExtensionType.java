package dev.osprey.rtp.extension;

/**
 * The header extensions an SFU meets in WebRTC, by the URI that {@code a=extmap} (RFC 8285 §5) binds to a local ID.
 * Media code maps negotiated IDs through these constants instead of comparing strings per packet.
 */
public enum HeaderExtensionType {
    /** RFC 9143 §15: the media section's MID. */
    MID("urn:ietf:params:rtp-hdrext:sdes:mid"),
    /** RFC 8852 §3.1: RtpStreamId, the simulcast "rid". */
    RTP_STREAM_ID("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
    /** RFC 8852 §3.2: RepairedRtpStreamId, the rid an RTX stream repairs. */
    REPAIRED_RTP_STREAM_ID("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"),
    /** RFC 6464: client-to-mixer audio level. */
    AUDIO_LEVEL("urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
    /** RFC 5450: transmission time offset. */
    TRANSMISSION_TIME_OFFSET("urn:ietf:params:rtp-hdrext:toffset"),
    /** draft-ietf-avtext-framemarking: frame marking (recognised, not interpreted). */
    FRAME_MARKING("urn:ietf:params:rtp-hdrext:framemarking"),
    /** WebRTC abs-send-time: 6.18 fixed-point send time, for REMB. */
    ABS_SEND_TIME("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
    /** draft-holmer-rmcat-transport-wide-cc-extensions-01: transport-wide sequence number. */
    TRANSPORT_WIDE_CC("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
    /** WebRTC abs-capture-time: NTP capture time and optional clock offset. */
    ABS_CAPTURE_TIME("http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time"),
    /** WebRTC playout-delay: min/max playout delay in 10 ms units. */
    PLAYOUT_DELAY("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"),
    /** AV1 RTP specification appendix A: the dependency descriptor (used by AV1 and VP9/VP8 SVC in WebRTC). */
    DEPENDENCY_DESCRIPTOR("https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension"),
    /** 3GPP TS 26.114 coordination of video orientation (CVO). */
    VIDEO_ORIENTATION("urn:3gpp:video-orientation");

    private final String uri;

    HeaderExtensionType(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The type named by an {@code a=extmap} URI, or {@code null} for an extension this module does not know. */
    public static HeaderExtensionType fromUri(String uri) {
        for (HeaderExtensionType type : values()) {
            if (type.uri.equals(uri)) {
                return type;
            }
        }
        return null;
    }
}
