package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.RtcpFb;

import java.util.List;

/**
 * The header extensions and RTCP feedback the server supports on one peer connection role, per media kind
 * (livekit-protocol.md §4). Feedback entries use {@link RtcpFb#WILDCARD} as payload type; only type and parameter
 * matter.
 */
public record SupportedFeatures(List<String> audioExtensions, List<String> videoExtensions,
                                List<RtcpFb> audioFeedback, List<RtcpFb> videoFeedback) {

    public SupportedFeatures {
        audioExtensions = List.copyOf(audioExtensions);
        videoExtensions = List.copyOf(videoExtensions);
        audioFeedback = List.copyOf(audioFeedback);
        videoFeedback = List.copyOf(videoFeedback);
    }

    public List<String> extensions(MediaType kind) {
        return MediaType.VIDEO.equals(kind) ? videoExtensions : MediaType.AUDIO.equals(kind) ? audioExtensions
                : List.of();
    }

    public List<RtcpFb> feedback(MediaType kind) {
        return MediaType.VIDEO.equals(kind) ? videoFeedback : MediaType.AUDIO.equals(kind) ? audioFeedback
                : List.of();
    }

    /** Whether {@code offered} (type and parameter, any payload type) is supported for {@code kind}. */
    public boolean supports(MediaType kind, RtcpFb offered) {
        return feedback(kind).stream().anyMatch(f -> f.sameFeedbackAs(offered));
    }

    static RtcpFb fb(String type, String parameter) {
        return new RtcpFb(RtcpFb.WILDCARD, type, parameter);
    }
}
