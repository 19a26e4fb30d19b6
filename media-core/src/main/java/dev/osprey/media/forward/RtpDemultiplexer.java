package dev.osprey.media.forward;

import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.SdesItemExtension;
import dev.osprey.rtp.nack.RtxPayload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Routes the RTP packets of one publisher peer connection to the {@link TrackReceiver} they belong to (RFC 8843 §9.2
 * BUNDLE demultiplexing): by SSRC once known; a packet of an unknown SSRC is identified by its MID header extension
 * (the media section, hence the published track) and its RID or repaired RID (RFC 8852: the simulcast layer, or
 * that layer's RTX stream), then its SSRC is bound for the packets that follow. RTX packets (RFC 4588) are restored
 * in place to the original and handed to their layer's receiver.
 *
 * <p>Lookups read immutable snapshots; resolving an unknown SSRC compares bytes without allocating, so a flood of
 * unknown SSRCs costs no garbage. Runs on the publisher's loop; registration is on the control path.
 */
public final class RtpDemultiplexer {
    private volatile SsrcTable<TrackReceiver> media = SsrcTable.empty();
    private volatile SsrcTable<TrackReceiver> repair = SsrcTable.empty();
    private volatile Section[] sections = new Section[0];
    private volatile int midId;
    private volatile int ridId;
    private volatile int repairedRidId;

    long routed;
    long unknownSsrc;
    long rtxPaddingOnly;
    long malformedRtx;

    /** A negotiated media section: its MID as bytes for allocation-free matching, and its track. */
    private record Section(byte[] mid, TrackFanout fanout) {
    }

    /** Adds (or replaces) the track negotiated on {@code parameters.mid()}; SSRCs it signals are bound now. */
    public synchronized void register(RtpParameters parameters, TrackFanout fanout) {
        byte[] mid = parameters.mid().getBytes(StandardCharsets.US_ASCII);
        Section[] current = sections;
        Section[] next = Arrays.stream(current).filter(s -> !Arrays.equals(s.mid, mid) && s.fanout != fanout)
                .toArray(Section[]::new);
        next = Arrays.copyOf(next, next.length + 1);
        next[next.length - 1] = new Section(mid, fanout);
        sections = next;
        midId = parameters.extensionId(HeaderExtensionUri.MID).orElse(midId);
        ridId = parameters.extensionId(HeaderExtensionUri.RTP_STREAM_ID).orElse(ridId);
        repairedRidId = parameters.extensionId(HeaderExtensionUri.REPAIRED_RTP_STREAM_ID).orElse(repairedRidId);
        for (TrackReceiver r : fanout.receivers()) {
            if (r.ssrc() >= 0) {
                media = media.with((int) r.ssrc(), r);
            }
            if (r.rtxSsrc() >= 0) {
                repair = repair.with((int) r.rtxSsrc(), r);
            }
        }
    }

    /** Removes a track and every SSRC bound to it. */
    public synchronized void unregister(TrackFanout fanout) {
        sections = Arrays.stream(sections).filter(s -> s.fanout != fanout).toArray(Section[]::new);
        for (TrackReceiver r : fanout.receivers()) {
            media = media.withoutValue(r);
            repair = repair.withoutValue(r);
        }
    }

    /**
     * Routes one packet, already bound to {@code packet} over exactly its buffer's readable bytes (RTX restoration
     * moves the reader index). Returns whether a receiver took it; unknown or unusable packets are counted.
     */
    public boolean route(RtpPacket packet, long arrivalNanos) {
        int ssrc = packet.ssrc();
        TrackReceiver receiver = media.get(ssrc);
        if (receiver != null) {
            routed++;
            receiver.onRtp(packet, arrivalNanos);
            return true;
        }
        receiver = repair.get(ssrc);
        if (receiver == null) {
            receiver = resolve(packet);
            if (receiver == null) {
                unknownSsrc++;
                return false;
            }
            if (media.get(ssrc) == receiver) {
                routed++;
                receiver.onRtp(packet, arrivalNanos);
                return true;
            }
        }
        return routeRtx(packet, receiver, arrivalNanos);
    }

    private boolean routeRtx(RtpPacket packet, TrackReceiver receiver, long arrivalNanos) {
        if (packet.payloadLength() < RtxPayload.OSN_LENGTH) {
            rtxPaddingOnly++; // bandwidth probes: padding only, nothing to restore
            return false;
        }
        int originalPt = receiver.fanoutAssociatedPayloadType(packet.payloadType());
        if (originalPt < 0 || receiver.ssrc() < 0) {
            malformedRtx++;
            return false;
        }
        try {
            RtxPayload.restoreOriginal(packet, originalPt, (int) receiver.ssrc());
        } catch (MalformedPacketException e) {
            malformedRtx++;
            return false;
        }
        routed++;
        receiver.onRtp(packet, arrivalNanos);
        return true;
    }

    /** Identifies an unknown SSRC by MID and RID / repaired RID and binds it; {@code null} when it cannot. */
    private TrackReceiver resolve(RtpPacket packet) {
        Section section = sectionOf(packet);
        if (section == null) {
            return null;
        }
        TrackFanout fanout = section.fanout;
        boolean rtx = fanout.associatedPayloadType(packet.payloadType()) >= 0;
        int idToRead = rtx ? repairedRidId : ridId;
        TrackReceiver receiver = layerByRid(fanout, packet, idToRead);
        if (receiver == null && fanout.receivers().length == 1) {
            receiver = fanout.receivers()[0];
        }
        if (receiver == null) {
            return null;
        }
        bind(packet.ssrc(), receiver, rtx);
        return receiver;
    }

    private Section sectionOf(RtpPacket packet) {
        Section[] all = sections;
        int id = midId;
        if (id > 0) {
            for (Section s : all) {
                if (SdesItemExtension.matches(packet, id, s.mid)) {
                    return s;
                }
            }
        }
        // Without a MID extension, a single published track is unambiguous.
        return all.length == 1 && (id == 0 || SdesItemExtension.length(packet, id) < 0) ? all[0] : null;
    }

    private static TrackReceiver layerByRid(TrackFanout fanout, RtpPacket packet, int id) {
        if (id <= 0) {
            return null;
        }
        for (TrackReceiver r : fanout.receivers()) {
            if (r.encoding().hasRid() && SdesItemExtension.matches(packet, id, r.ridAscii())) {
                return r;
            }
        }
        return null;
    }

    private synchronized void bind(int ssrc, TrackReceiver receiver, boolean rtx) {
        if (rtx) {
            repair = repair.withoutValue(receiver).with(ssrc, receiver);
            receiver.bindRtxSsrc(Integer.toUnsignedLong(ssrc));
        } else {
            media = media.withoutValue(receiver).with(ssrc, receiver);
            receiver.bindSsrc(Integer.toUnsignedLong(ssrc));
        }
    }

    /** The receiver bound to media SSRC {@code ssrc}, or {@code null} (RTCP from the publisher). */
    public TrackReceiver receiver(int ssrc) {
        return media.get(ssrc);
    }

    public long unknownSsrcCount() {
        return unknownSsrc;
    }

    public long routedCount() {
        return routed;
    }
}
