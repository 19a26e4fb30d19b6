package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.RtpMap;

import java.util.Objects;
import java.util.Optional;

/**
 * A codec as SDP describes it: media kind, encoding name, clock rate, channels and fmtp parameters (RFC 8866 §6.6,
 * §6.15). Typed input to matching and output of negotiation; payload types live next to it, not in it.
 *
 * @param name     encoding name as written ({@code VP8}, {@code opus}); compared case-insensitively
 * @param channels audio channels, 0 when unspecified (means 1 for audio) and for video
 */
public record RtpCodec(MediaType kind, String name, long clockRate, int channels, FormatParameters parameters) {

    public static final String OPUS = "opus";
    public static final String RED = "red";
    public static final String RTX = "rtx";
    public static final String VP8 = "VP8";
    public static final String VP9 = "VP9";
    public static final String H264 = "H264";
    public static final String H265 = "H265";
    public static final String AV1 = "AV1";
    public static final String PCMU = "PCMU";
    public static final String PCMA = "PCMA";

    public RtpCodec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A codec without fmtp parameters. */
    public static RtpCodec of(MediaType kind, String name, long clockRate, int channels) {
        return new RtpCodec(kind, name, clockRate, channels, FormatParameters.EMPTY);
    }

    /**
     * The codec a section binds to {@code payloadType}: its {@code a=rtpmap} and {@code a=fmtp}, or for the static
     * audio types 0 and 8 without rtpmap the RFC 3551 §6 table.
     */
    public static Optional<RtpCodec> of(MediaDescription section, int payloadType) {
        FormatParameters fmtp = section.formatParameters(payloadType);
        Optional<RtpMap> map = section.rtpMap(payloadType);
        if (map.isPresent()) {
            RtpMap m = map.get();
            return Optional.of(new RtpCodec(section.media(), m.encodingName(), m.clockRate(), m.channels(), fmtp));
        }
        return switch (payloadType) {
            case 0 -> Optional.of(new RtpCodec(section.media(), PCMU, 8000, 1, fmtp));
            case 8 -> Optional.of(new RtpCodec(section.media(), PCMA, 8000, 1, fmtp));
            default -> Optional.empty();
        };
    }

    /** LiveKit's {@code mime_type}: {@code audio/opus}, {@code video/VP8}, … */
    public String mimeType() {
        return kind.name() + '/' + name;
    }

    public boolean is(String encodingName) {
        return name.equalsIgnoreCase(encodingName);
    }

    /** RFC 4588 retransmission, bound to its media codec by {@code apt}. */
    public boolean isRtx() {
        return is(RTX);
    }

    /** RFC 2198 redundancy (audio RED), whose fmtp lists the primary payload types. */
    public boolean isRed() {
        return is(RED);
    }

    /** The channel count, 1 for audio when unspecified (RFC 8866 §6.6). */
    public int channelsOrDefault() {
        return channels == 0 ? 1 : channels;
    }

    /** The {@code a=rtpmap} for {@code payloadType}. */
    public RtpMap rtpMap(int payloadType) {
        return new RtpMap(payloadType, name, clockRate, channels);
    }

    /** A copy with other fmtp parameters. */
    public RtpCodec withParameters(FormatParameters newParameters) {
        return new RtpCodec(kind, name, clockRate, channels, newParameters);
    }
}
