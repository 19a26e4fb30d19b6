package dev.osprey.media.forward;

import dev.osprey.media.api.Codec;
import dev.osprey.media.api.HeaderExtension;
import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.RtcpFeedback;
import dev.osprey.media.api.RtpParameters;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The translation from what a publisher sends to what one subscriber negotiated, compiled once per (re)negotiation
 * into arrays the egress path indexes per packet: payload types by the publisher's payload type, header extension
 * IDs by the publisher's IDs (0 drops the element), and the IDs of the extensions Osprey writes itself.
 *
 * <p>Extensions that describe the publisher's own transport or stream identity are never passed on: MID and RIDs
 * (the subscriber's section has its own, and one SSRC), transport-wide sequence numbers and abs-send-time (they are
 * per transport; Osprey writes its own), toffset. The dependency descriptor is passed only for codecs whose layers
 * Osprey forwards whole (VP9, AV1): with simulcast, descriptors of different layers would interleave.
 */
public final class SenderParameters {
    private static final Set<HeaderExtensionUri> NEVER_FORWARDED = Set.of(HeaderExtensionUri.MID,
            HeaderExtensionUri.RTP_STREAM_ID, HeaderExtensionUri.REPAIRED_RTP_STREAM_ID,
            HeaderExtensionUri.TRANSPORT_WIDE_CC, HeaderExtensionUri.ABS_SEND_TIME,
            HeaderExtensionUri.TRANSMISSION_TIME_OFFSET);

    private final int[] payloadTypes = new int[128];
    private final int[] extensionIds = new int[256];
    private final int rtxPayloadType;
    private final int absSendTimeId;
    private final int transportSequenceId;
    private final int clockRateHz;
    private final boolean nack;

    private SenderParameters(RtpParameters published, RtpParameters subscribed) {
        Arrays.fill(payloadTypes, -1);
        for (Codec from : published.codecs()) {
            if (!from.mimeType().isRtx()) {
                matching(subscribed, from).ifPresent(pt -> payloadTypes[from.payloadType()] = pt);
            }
        }
        Codec primary = subscribed.primaryCodec().orElseThrow(
                () -> new IllegalArgumentException("the subscriber negotiated no media codec"));
        boolean forwardsLayersWhole = primary.mimeType().equals(MimeType.VP9) || primary.mimeType().equals(MimeType.AV1);
        for (HeaderExtension ext : published.headerExtensions()) {
            if (NEVER_FORWARDED.contains(ext.uri())
                    || (ext.uri().equals(HeaderExtensionUri.DEPENDENCY_DESCRIPTOR) && !forwardsLayersWhole)) {
                continue;
            }
            extensionIds[ext.id()] = subscribed.extensionId(ext.uri()).orElse(0);
        }
        rtxPayloadType = subscribed.rtxPayloadTypeFor(primary.payloadType()).orElse(-1);
        absSendTimeId = subscribed.extensionId(HeaderExtensionUri.ABS_SEND_TIME).orElse(0);
        transportSequenceId = subscribed.extensionId(HeaderExtensionUri.TRANSPORT_WIDE_CC).orElse(0);
        clockRateHz = primary.clockRateHz();
        nack = primary.accepts(RtcpFeedback.NACK);
    }

    /**
     * Compiles the translation.
     *
     * @throws IllegalArgumentException when the subscriber negotiated no codec the publisher sends
     */
    public static SenderParameters compile(RtpParameters published, RtpParameters subscribed) {
        SenderParameters p = new SenderParameters(published, subscribed);
        if (Arrays.stream(p.payloadTypes).allMatch(pt -> pt < 0)) {
            throw new IllegalArgumentException("the subscriber negotiated none of the publisher's codecs");
        }
        return p;
    }

    private static OptionalInt matching(RtpParameters subscribed, Codec from) {
        for (Codec to : subscribed.codecs()) {
            if (to.mimeType().equals(from.mimeType()) && to.clockRateHz() == from.clockRateHz()) {
                return OptionalInt.of(to.payloadType());
            }
        }
        return OptionalInt.empty();
    }

    /** The subscriber's payload type for a publisher payload type, or -1 when it cannot be forwarded. */
    public int payloadType(int publishedPayloadType) {
        return payloadTypes[publishedPayloadType & 0x7F];
    }

    /** Publisher extension ID → subscriber ID (0: drop), for the rtp module's editor. */
    int[] extensionIds() {
        return extensionIds;
    }

    /** The subscriber's RTX payload type for the primary codec, or -1 without RTX. */
    public int rtxPayloadType() {
        return rtxPayloadType;
    }

    /** The subscriber's abs-send-time ID, 0 when not negotiated. */
    public int absSendTimeId() {
        return absSendTimeId;
    }

    /** The subscriber's transport-wide sequence number ID, 0 when not negotiated. */
    public int transportSequenceId() {
        return transportSequenceId;
    }

    /** Whether Osprey adds extensions of its own (so the header must be rebuilt, not just renumbered). */
    boolean addsExtensions() {
        return absSendTimeId != 0 || transportSequenceId != 0;
    }

    public int clockRateHz() {
        return clockRateHz;
    }

    /** Whether the subscriber accepts generic NACK (so it may ask for retransmissions). */
    public boolean nack() {
        return nack;
    }
}
