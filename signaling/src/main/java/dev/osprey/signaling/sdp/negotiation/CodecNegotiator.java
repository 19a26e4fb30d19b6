package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.RtcpFb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the codecs of an offered media section (RFC 3264 §6.1, RFC 8829 §5.3.1): every offered codec that
 * {@link CodecMatcher matches} an enabled one is kept with the offerer's payload type and fmtp, in offer order;
 * RED only when all its primary payload types were kept (RFC 2198 §5); RTX only when RTX is enabled and its
 * {@code apt} names a kept codec (RFC 4588 §8.6); RTCP feedback is the offered feedback the server supports for the
 * role and kind (RFC 4585 §4.2). Pure: no state, no I/O.
 */
public final class CodecNegotiator {

    private CodecNegotiator() {
    }

    public static List<NegotiatedCodec> negotiate(MediaDescription offer, MediaCapabilities capabilities, Role role) {
        if (!offer.mediaLine().isRtp() || !offer.media().isRtpMedia()) {
            return List.of();
        }
        Map<Integer, RtpCodec> offered = offeredCodecs(offer);
        Map<Integer, RtpCodec> kept = new LinkedHashMap<>();
        offered.forEach((pt, codec) -> {
            if (!codec.isRtx() && !codec.isRed() && matchesAny(codec, capabilities)) {
                kept.put(pt, codec);
            }
        });
        Map<Integer, RtpCodec> withRed = new LinkedHashMap<>();
        offered.forEach((pt, codec) -> {
            if (kept.containsKey(pt) || (codec.isRed() && matchesAny(codec, capabilities)
                    && redPrimaries(codec).filter(kept.keySet()::containsAll).isPresent())) {
                withRed.put(pt, codec);
            }
        });
        Map<Integer, Integer> rtx = capabilities.rtx() ? rtxByApt(offered, withRed.keySet()) : Map.of();
        List<NegotiatedCodec> result = new ArrayList<>(withRed.size());
        withRed.forEach((pt, codec) -> result.add(new NegotiatedCodec(pt, codec,
                rtx.getOrDefault(pt, NegotiatedCodec.NO_RTX), feedback(offer, pt, codec, capabilities, role))));
        return result;
    }

    /**
     * The m-line fmt list of an answer carrying {@code codecs}: each codec followed by its RTX payload type, in
     * the codecs' order.
     */
    public static List<String> formats(List<NegotiatedCodec> codecs) {
        List<String> formats = new ArrayList<>();
        for (NegotiatedCodec c : codecs) {
            formats.add(Integer.toString(c.payloadType()));
            if (c.hasRtx()) {
                formats.add(Integer.toString(c.rtxPayloadType()));
            }
        }
        return formats;
    }

    private static Map<Integer, RtpCodec> offeredCodecs(MediaDescription offer) {
        Map<Integer, RtpCodec> offered = new LinkedHashMap<>();
        for (int pt : offer.mediaLine().payloadTypes()) {
            RtpCodec.of(offer, pt).ifPresent(codec -> offered.putIfAbsent(pt, codec));
        }
        return offered;
    }

    private static boolean matchesAny(RtpCodec offered, MediaCapabilities capabilities) {
        return capabilities.codecs(offered.kind()).stream().anyMatch(c -> CodecMatcher.matches(c.codec(), offered));
    }

    /** RED's fmtp {@code 111/111} (RFC 2198 §5): the payload types of the primary and redundant encodings. */
    static Optional<Set<Integer>> redPrimaries(RtpCodec red) {
        FormatParameters parameters = red.parameters();
        if (parameters.parameters().size() != 1 || parameters.parameters().get(0).value() != null) {
            return Optional.empty();
        }
        String[] parts = parameters.parameters().get(0).name().split("/", -1);
        Set<Integer> pts = new HashSet<>();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            pts.add(Integer.parseInt(part));
        }
        return Optional.of(pts);
    }

    /** For each kept payload type, the first offered RTX whose apt names it. */
    private static Map<Integer, Integer> rtxByApt(Map<Integer, RtpCodec> offered, Set<Integer> kept) {
        Map<Integer, Integer> rtx = new LinkedHashMap<>();
        offered.forEach((pt, codec) -> {
            OptionalLong apt = codec.isRtx() ? codec.parameters().getLong("apt") : OptionalLong.empty();
            if (apt.isPresent() && apt.getAsLong() <= 127 && kept.contains((int) apt.getAsLong())) {
                rtx.putIfAbsent((int) apt.getAsLong(), pt);
            }
        });
        return rtx;
    }

    private static List<RtcpFb> feedback(MediaDescription offer, int pt, RtpCodec codec,
                                         MediaCapabilities capabilities, Role role) {
        SupportedFeatures features = capabilities.features(role);
        return offer.rtcpFeedback(pt).stream()
                .filter(f -> features.supports(codec.kind(), f))
                .map(f -> f.forPayloadType(pt))
                .collect(Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new),
                        List::copyOf));
    }
}
