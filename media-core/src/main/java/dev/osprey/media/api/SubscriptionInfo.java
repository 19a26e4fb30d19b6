package dev.osprey.media.api;

import java.util.Objects;

/**
 * A subscription as signaling needs it to describe the outgoing stream in its offer to the subscriber: the track, who
 * publishes it, and the SSRCs Osprey sends it with (one SSRC per subscribed track whatever layer is forwarded,
 * livekit-protocol.md §4 "Simulcast and SVC out").
 *
 * @param track     the subscribed track
 * @param publisher its publisher
 * @param kind      audio or video
 * @param ssrc      the media SSRC Osprey sends with
 * @param rtxSsrc   the RTX SSRC Osprey sends retransmissions with (used only if the subscriber negotiates rtx)
 * @param cname     the RTCP CNAME of the outgoing stream
 */
public record SubscriptionInfo(TrackId track, ParticipantId publisher, MediaKind kind, long ssrc, long rtxSsrc,
                               String cname) {
    public SubscriptionInfo {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cname, "cname");
        if (ssrc < 0 || ssrc > 0xFFFFFFFFL || rtxSsrc < 0 || rtxSsrc > 0xFFFFFFFFL || ssrc == rtxSsrc) {
            throw new IllegalArgumentException("bad SSRCs " + ssrc + "/" + rtxSsrc);
        }
    }
}
