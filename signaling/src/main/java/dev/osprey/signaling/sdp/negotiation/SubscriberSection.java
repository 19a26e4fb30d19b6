package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.Msid;

import java.util.List;
import java.util.Objects;

/**
 * One m-section of a server offer on the subscriber PC. Mids are the caller's: a section keeps its mid and position
 * across renegotiations (RFC 8829 §5.2.2), a track that goes away leaves an {@link Track#inactive} section behind.
 */
public sealed interface SubscriberSection {

    String mid();

    /** The data channel section LiveKit puts in every subscriber offer (livekit-protocol.md §2.2). */
    record DataChannel(String mid) implements SubscriberSection {

        public DataChannel {
            Objects.requireNonNull(mid, "mid");
        }
    }

    /**
     * A subscribed track the server sends ({@code sendonly}), or a recycled section that carries nothing
     * ({@code inactive}, no msid, no SSRCs).
     *
     * @param msid    {@code PA_x|TR_y TR_y} (see {@link PackedStreamId}); {@code null} when inactive
     * @param codecs  from {@link SubscriberOffer#codecsFor}
     * @param ssrc    the SSRC the server sends with; -1 when inactive
     * @param rtxSsrc the RTX SSRC, or -1
     * @param cname   the RTCP CNAME of the forwarded stream (RFC 7022)
     */
    record Track(String mid, MediaType kind, boolean active, Msid msid, List<NegotiatedCodec> codecs, long ssrc,
                 long rtxSsrc, String cname) implements SubscriberSection {

        public Track {
            Objects.requireNonNull(mid, "mid");
            Objects.requireNonNull(kind, "kind");
            codecs = List.copyOf(codecs);
            if (codecs.isEmpty()) {
                throw new IllegalArgumentException("a media section needs at least one codec");
            }
            if (active && (msid == null || cname == null || ssrc < 0 || ssrc > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException("an active track needs msid, cname and a 32-bit SSRC");
            }
            if (rtxSsrc < -1 || rtxSsrc > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("rtx SSRC must be -1 or 32-bit");
            }
        }

        /** A section the server sends {@code codecs} on. */
        public static Track sending(String mid, MediaType kind, Msid msid, List<NegotiatedCodec> codecs, long ssrc,
                                    long rtxSsrc, String cname) {
            return new Track(mid, kind, true, msid, codecs, ssrc, rtxSsrc, cname);
        }

        /** A section kept in place after its track was unsubscribed. */
        public static Track inactive(String mid, MediaType kind, List<NegotiatedCodec> codecs) {
            return new Track(mid, kind, false, null, codecs, -1, -1, null);
        }
    }
}
