package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.Flag;
import dev.osprey.signaling.sdp.Group;
import dev.osprey.signaling.sdp.MaxMessageSize;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaLine;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.Msid;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.RtcpFb;
import dev.osprey.signaling.sdp.SctpPort;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import dev.osprey.signaling.sdp.Ssrc;
import dev.osprey.signaling.sdp.SsrcGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's offer on the subscriber PC (livekit-protocol.md §2.2–§2.3, §4): {@code a=setup:actpass}, one BUNDLE
 * group over every section, {@code a=rtcp-mux} and {@code a=rtcp-rsize}, subscribed tracks {@code sendonly} with
 * {@code a=msid:PA_x|TR_y TR_y} and their SSRCs ({@code cname}, {@code msid}, {@code FID} group with RTX, RFC 5576),
 * the subscriber header extensions with stable ids and the subscriber RTCP feedback. Pure.
 */
public final class SubscriberOffer {

    private static final int H264_HIGH_PROFILE_IDC = 0x64;

    private SubscriberOffer() {
    }

    public static SessionDescription offer(Origin origin, TransportDescription transport,
                                           MediaCapabilities capabilities, List<SubscriberSection> sections) {
        SessionDescription.Builder session = SessionDescription.builder(origin);
        if (!sections.isEmpty()) {
            session.add(Group.bundle(sections.stream().map(SubscriberSection::mid).toList()));
        }
        session.add(Flag.EXTMAP_ALLOW_MIXED);
        if (transport.iceLite()) {
            session.add(Flag.ICE_LITE);
        }
        for (int i = 0; i < sections.size(); i++) {
            MediaDescription.Builder out = switch (sections.get(i)) {
                case SubscriberSection.DataChannel dc -> dataChannel(dc, transport, capabilities);
                case SubscriberSection.Track track -> track(track, transport, capabilities);
            };
            if (i == 0) {
                SectionLines.candidates(out, transport);
            }
            session.addMedia(out.build());
        }
        return session.build();
    }

    /**
     * The codecs to offer for a forwarded track of {@code mimeType} (e.g. {@code video/VP8}): every enabled codec
     * with that MIME type and the server's payload type, except H.264 High profile (browsers mishandle it in
     * subscriber offers, livekit-protocol.md §4); RTX as PT+1 for video when enabled; for audio with {@code red},
     * RED first then its primary, without NACK (§4: NACK is removed on RED transceivers). Feedback is the
     * subscriber set for the kind.
     */
    public static List<NegotiatedCodec> codecsFor(MediaCapabilities capabilities, String mimeType) {
        List<NegotiatedCodec> codecs = new ArrayList<>();
        boolean red = mimeType.equalsIgnoreCase("audio/" + RtpCodec.RED);
        for (CodecCapability c : capabilities.codecs()) {
            if (c.codec().mimeType().equalsIgnoreCase(mimeType) && !isH264High(c.codec())) {
                codecs.add(negotiated(capabilities, c, !red));
            }
        }
        if (red && !codecs.isEmpty()) {
            CodecNegotiator.redPrimaries(codecs.get(0).codec()).ifPresent(primaries ->
                    capabilities.codecs(MediaType.AUDIO).stream()
                            .filter(c -> primaries.contains(c.payloadType()) && !c.codec().isRed())
                            .forEach(c -> codecs.add(negotiated(capabilities, c, false))));
        }
        return codecs;
    }

    private static NegotiatedCodec negotiated(MediaCapabilities capabilities, CodecCapability c, boolean nack) {
        MediaType kind = c.codec().kind();
        List<RtcpFb> feedback = capabilities.subscriber().feedback(kind).stream()
                .filter(f -> nack || !f.type().equals("nack"))
                .map(f -> f.forPayloadType(c.payloadType())).toList();
        int rtx = capabilities.rtx() && kind.equals(MediaType.VIDEO) ? c.payloadType() + 1 : NegotiatedCodec.NO_RTX;
        return new NegotiatedCodec(c.payloadType(), c.codec(), rtx, feedback);
    }

    private static boolean isH264High(RtpCodec codec) {
        return codec.is(RtpCodec.H264) && codec.parameters().get("profile-level-id")
                .flatMap(H264ProfileLevelId::parse).filter(p -> p.profileIdc() == H264_HIGH_PROFILE_IDC).isPresent();
    }

    private static MediaDescription.Builder dataChannel(SubscriberSection.DataChannel section,
                                                        TransportDescription transport,
                                                        MediaCapabilities capabilities) {
        MediaDescription.Builder out = MediaDescription.builder(new MediaLine(MediaType.APPLICATION,
                MediaLine.DISCARD_PORT, 0, MediaLine.PROTO_DTLS_SCTP, List.of(MediaLine.FORMAT_DATA_CHANNEL)));
        SectionLines.transport(out, transport, Setup.ACTPASS, section.mid());
        return out.add(SctpPort.DEFAULT).add(new MaxMessageSize(capabilities.maxMessageSizeBytes()));
    }

    private static MediaDescription.Builder track(SubscriberSection.Track section, TransportDescription transport,
                                                  MediaCapabilities capabilities) {
        MediaDescription.Builder out = MediaDescription.builder(new MediaLine(section.kind(), MediaLine.DISCARD_PORT,
                0, MediaLine.PROTO_RTP_SAVPF, CodecNegotiator.formats(section.codecs())));
        SectionLines.transport(out, transport, Setup.ACTPASS, section.mid());
        HeaderExtensions.offer(capabilities.subscriber().extensions(section.kind())).forEach(out::add);
        out.add(section.active() ? Direction.SENDONLY : Direction.INACTIVE);
        Optional.ofNullable(section.msid()).filter(m -> section.active()).ifPresent(out::add);
        out.add(Flag.RTCP_MUX).add(Flag.RTCP_RSIZE);
        SectionLines.codecs(out, section.codecs());
        if (section.active()) {
            sources(out, section);
        }
        return out;
    }

    /** RFC 5576 §4: the FID group first, then cname and msid per source. */
    private static void sources(MediaDescription.Builder out, SubscriberSection.Track section) {
        boolean rtx = section.rtxSsrc() >= 0 && section.codecs().stream().anyMatch(NegotiatedCodec::hasRtx);
        List<Long> ssrcs = rtx ? List.of(section.ssrc(), section.rtxSsrc()) : List.of(section.ssrc());
        if (rtx) {
            out.add(new SsrcGroup(SsrcGroup.FID, ssrcs));
        }
        Msid msid = section.msid();
        for (long ssrc : ssrcs) {
            out.add(new Ssrc(ssrc, Ssrc.CNAME, section.cname()));
            out.add(new Ssrc(ssrc, Ssrc.MSID, msid.attributeValue()));
        }
    }
}
