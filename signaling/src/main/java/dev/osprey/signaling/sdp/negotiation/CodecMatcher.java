package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaType;

import java.util.Optional;

/**
 * Whether an offered codec is the same as an enabled one. Names compare case-insensitively (RFC 8866 §6.6), clock
 * rates exactly, audio channel counts with 1 as default; then per codec the fmtp parameters that change the
 * bitstream:
 * <ul>
 *   <li>H.264: LENIENT, only {@code profile_idc} (first byte of {@code profile-level-id}, RFC 6184 §8.1) and
 *       {@code packetization-mode} (default 0) — level and constraint flags differ between browsers
 *       (livekit-protocol.md §10.11: Safari, iOS and Chrome offer 42001f, 42e01f, 42e032 for the same stream);</li>
 *   <li>VP9: {@code profile-id} (default 0, draft-ietf-payload-vp9 §6);</li>
 *   <li>AV1: {@code profile} (default 0, AV1 RTP specification §7.2);</li>
 *   <li>H.265: {@code profile-id} (default 1, RFC 7798 §7.1).</li>
 * </ul>
 * RED and RTX match by name and clock rate; their references to primary payload types are checked by the negotiator.
 */
public final class CodecMatcher {

    private CodecMatcher() {
    }

    public static boolean matches(RtpCodec enabled, RtpCodec offered) {
        if (!enabled.kind().equals(offered.kind()) || !enabled.is(offered.name())
                || enabled.clockRate() != offered.clockRate()) {
            return false;
        }
        if (enabled.kind().equals(MediaType.AUDIO) && enabled.channelsOrDefault() != offered.channelsOrDefault()) {
            return false;
        }
        FormatParameters a = enabled.parameters();
        FormatParameters b = offered.parameters();
        if (enabled.is(RtpCodec.H264)) {
            return sameH264Profile(a, b) && number(a, "packetization-mode", 0) == number(b, "packetization-mode", 0);
        }
        if (enabled.is(RtpCodec.VP9)) {
            return number(a, "profile-id", 0) == number(b, "profile-id", 0);
        }
        if (enabled.is(RtpCodec.AV1)) {
            return number(a, "profile", 0) == number(b, "profile", 0);
        }
        if (enabled.is(RtpCodec.H265)) {
            return number(a, "profile-id", 1) == number(b, "profile-id", 1);
        }
        return true;
    }

    private static boolean sameH264Profile(FormatParameters a, FormatParameters b) {
        Optional<H264ProfileLevelId> x = profile(a);
        Optional<H264ProfileLevelId> y = profile(b);
        return x.isPresent() && y.isPresent() && x.get().profileIdc() == y.get().profileIdc();
    }

    private static Optional<H264ProfileLevelId> profile(FormatParameters parameters) {
        Optional<String> text = parameters.get("profile-level-id");
        return text.isEmpty() ? Optional.of(H264ProfileLevelId.DEFAULT) : H264ProfileLevelId.parse(text.get());
    }

    /** A numeric parameter, {@code fallback} when absent, -1 when present but not a number (matches nothing sane). */
    private static long number(FormatParameters parameters, String name, long fallback) {
        if (!parameters.contains(name)) {
            return fallback;
        }
        return parameters.getLong(name).orElse(-1);
    }
}
