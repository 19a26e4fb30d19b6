package dev.osprey.media.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything media-core needs to know about one direction of one media section, as signaling negotiated it: what a
 * publisher sends us or what we send a subscriber. Typed: signaling turns SDP into this and media-core never sees SDP.
 *
 * @param mid              the media section's identification tag (RFC 9143 §3); empty only before negotiation
 * @param kind             audio or video
 * @param codecs           the payload formats in preference order, RTX and RED included
 * @param headerExtensions the negotiated header extensions with the peer's IDs
 * @param encodings        the RTP streams: one per simulcast layer (publisher) or exactly one (subscriber)
 * @param cname            RTCP CNAME (RFC 7022) of the sending side, empty when unknown
 * @param streamId         the msid stream id (RFC 8830 §2), empty when none
 * @param trackLabel       the msid track id (the application's track id, e.g. LiveKit's {@code cid}), empty when none
 */
public record RtpParameters(String mid, MediaKind kind, List<Codec> codecs, List<HeaderExtension> headerExtensions,
                            List<Encoding> encodings, String cname, String streamId, String trackLabel) {
    public RtpParameters {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cname, "cname");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackLabel, "trackLabel");
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
        encodings = List.copyOf(encodings);
        if (mid.length() > 255) {
            throw new IllegalArgumentException("MID longer than an SDES item (255 bytes)");
        }
        checkUnique(codecs, headerExtensions, encodings);
        for (Codec codec : codecs) {
            if (codec.kind() != kind) {
                throw new IllegalArgumentException(codec.mimeType() + " in a " + kind + " section");
            }
        }
    }

    private static void checkUnique(List<Codec> codecs, List<HeaderExtension> extensions, List<Encoding> encodings) {
        Set<Integer> pts = new HashSet<>();
        for (Codec c : codecs) {
            if (!pts.add(c.payloadType())) {
                throw new IllegalArgumentException("payload type " + c.payloadType() + " mapped twice");
            }
        }
        Set<Integer> ids = new HashSet<>();
        Set<HeaderExtensionUri> uris = new HashSet<>();
        for (HeaderExtension e : extensions) {
            if (!ids.add(e.id()) || !uris.add(e.uri())) {
                throw new IllegalArgumentException("header extension " + e + " mapped twice");
            }
        }
        Set<String> rids = new HashSet<>();
        Set<Long> ssrcs = new HashSet<>();
        for (Encoding e : encodings) {
            if ((e.hasRid() && !rids.add(e.rid())) || (e.hasSsrc() && !ssrcs.add(e.ssrc()))
                    || (e.hasRtxSsrc() && !ssrcs.add(e.rtxSsrc()))) {
                throw new IllegalArgumentException("encoding " + e + " repeats a rid or SSRC");
            }
        }
    }

    /** The codec with payload type {@code pt}. */
    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }

    /** The first codec that is neither RTX nor RED: what the stream carries. */
    public Optional<Codec> primaryCodec() {
        return codecs.stream().filter(c -> !c.mimeType().isRtx() && !c.mimeType().isRed()).findFirst();
    }

    /** The first codec of the given type. */
    public Optional<Codec> codec(MimeType mimeType) {
        return codecs.stream().filter(c -> c.mimeType().equals(mimeType)).findFirst();
    }

    /** The RTX payload type repairing {@code payloadType}, if negotiated. */
    public OptionalInt rtxPayloadTypeFor(int payloadType) {
        return codecs.stream()
                .filter(c -> c.associatedPayloadType().orElse(-1) == payloadType)
                .mapToInt(Codec::payloadType)
                .findFirst();
    }

    /** The negotiated ID of {@code uri}, if negotiated. */
    public OptionalInt extensionId(HeaderExtensionUri uri) {
        return headerExtensions.stream().filter(e -> e.uri().equals(uri)).mapToInt(HeaderExtension::id).findFirst();
    }

    /** Whether the peer accepts {@code feedback} for the primary codec. */
    public boolean acceptsFeedback(RtcpFeedback feedback) {
        return primaryCodec().map(c -> c.accepts(feedback)).orElse(false);
    }

    /** The same parameters with other encodings (e.g. the SSRCs Osprey chose for a subscriber). */
    public RtpParameters withEncodings(List<Encoding> newEncodings) {
        return new RtpParameters(mid, kind, codecs, headerExtensions, newEncodings, cname, streamId, trackLabel);
    }
}
