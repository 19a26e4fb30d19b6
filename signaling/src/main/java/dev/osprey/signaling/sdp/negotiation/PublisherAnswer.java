package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.Flag;
import dev.osprey.signaling.sdp.Group;
import dev.osprey.signaling.sdp.MaxMessageSize;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaLine;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.Mid;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SctpPort;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import dev.osprey.signaling.sdp.Simulcast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server's answer to a client's offer on the publisher PC (RFC 3264 §6, RFC 8829 §5.3; LiveKit:
 * livekit-protocol.md §2.3, §4). Per offered section, in order:
 * <ul>
 *   <li>a DTLS-SRTP audio/video section with a mid and {@code a=rtcp-mux} is accepted when at least one codec
 *       matches; the answer receives ({@code sendonly}/{@code sendrecv} are answered {@code recvonly}), keeps the
 *       offer's payload types, supported extensions and feedback, and accepts rid-based simulcast when the
 *       {@code sdes:rtp-stream-id} extension was agreed ({@code a=rid:<id> recv}, {@code a=simulcast:recv});</li>
 *   <li>an {@code m=application UDP/DTLS/SCTP webrtc-datachannel} section is accepted;</li>
 *   <li>anything else is rejected with port 0 (RFC 3264 §6) and left out of the BUNDLE group (RFC 8843 §7.3.3).</li>
 * </ul>
 * The answer is {@code a=setup:active} to an {@code actpass} offer (the server is the DTLS client, §4), carries the
 * offer's accepted mids in its BUNDLE group and the server's candidates in the first bundled section. Pure.
 */
public final class PublisherAnswer {

    /** The answer and what was agreed per section. */
    public record Result(SessionDescription answer, List<NegotiatedMedia> media,
                         Optional<NegotiatedDataChannel> dataChannel) {

        public Result {
            Objects.requireNonNull(answer, "answer");
            media = List.copyOf(media);
        }
    }

    private final SessionDescription offer;
    private final TransportDescription transport;
    private final MediaCapabilities capabilities;
    private final List<String> offeredBundle;
    private final List<NegotiatedMedia> media = new ArrayList<>();
    private NegotiatedDataChannel dataChannel;
    private boolean candidatesWritten;

    private PublisherAnswer(SessionDescription offer, TransportDescription transport, MediaCapabilities capabilities) {
        this.offer = offer;
        this.transport = transport;
        this.capabilities = capabilities;
        this.offeredBundle = offer.bundleGroups().stream().findFirst().map(Group::mids).orElse(List.of());
    }

    /**
     * @throws SdpParseException when the offer is unusable as a whole: two sections share a mid (RFC 9143 §4)
     */
    public static Result answer(SessionDescription offer, Origin origin, TransportDescription transport,
                                MediaCapabilities capabilities) {
        checkUniqueMids(offer);
        return new PublisherAnswer(Objects.requireNonNull(offer, "offer"), Objects.requireNonNull(transport,
                "transport"), Objects.requireNonNull(capabilities, "capabilities")).build(origin);
    }

    private static void checkUniqueMids(SessionDescription offer) {
        Set<String> mids = new HashSet<>();
        for (MediaDescription section : offer.media()) {
            if (section.mid().isPresent() && !mids.add(section.mid().get())) {
                throw new SdpParseException("offer has two sections with mid " + section.mid().get());
            }
        }
    }

    private Result build(Origin origin) {
        List<MediaDescription> sections = new ArrayList<>();
        List<String> bundled = new ArrayList<>();
        for (MediaDescription section : offer.media()) {
            MediaDescription answered = answerSection(section);
            sections.add(answered);
            answered.mid().filter(mid -> !answered.isRejected() && offeredBundle.contains(mid))
                    .ifPresent(bundled::add);
        }
        SessionDescription.Builder session = SessionDescription.builder(origin);
        if (!bundled.isEmpty()) {
            session.add(Group.bundle(bundled));
        }
        if (offer.has(Flag.EXTMAP_ALLOW_MIXED)) {
            session.add(Flag.EXTMAP_ALLOW_MIXED);
        }
        if (transport.iceLite()) {
            session.add(Flag.ICE_LITE);
        }
        sections.forEach(session::addMedia);
        return new Result(session.build(), media, Optional.ofNullable(dataChannel));
    }

    private MediaDescription answerSection(MediaDescription section) {
        Optional<String> mid = section.mid();
        if (section.isRejected() || mid.isEmpty()) {
            return rejected(section);
        }
        if (isDataChannel(section)) {
            return dataChannel(section, mid.get());
        }
        if (section.media().isRtpMedia() && section.mediaLine().isRtp()
                && section.mediaLine().proto().contains("SAVP") && section.has(Flag.RTCP_MUX)) {
            List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section, capabilities, Role.PUBLISHER);
            if (!codecs.isEmpty()) {
                return rtp(section, mid.get(), codecs);
            }
        }
        return rejected(section);
    }

    private MediaDescription rtp(MediaDescription section, String mid, List<NegotiatedCodec> codecs) {
        MediaType kind = section.media();
        List<ExtMap> extensions = HeaderExtensions.answer(section,
                capabilities.features(Role.PUBLISHER).extensions(kind));
        Direction direction = offer.direction(section).answer(false, true);
        List<SimulcastLayer> layers = HeaderExtensions.idOf(extensions, HeaderExtensions.RTP_STREAM_ID) != 0
                && direction.receives() ? SimulcastLayer.sentBy(section) : List.of();
        MediaDescription.Builder out = MediaDescription.builder(new MediaLine(kind, MediaLine.DISCARD_PORT, 0,
                section.mediaLine().proto(), CodecNegotiator.formats(codecs)));
        SectionLines.transport(out, transport, setup(section), mid);
        extensions.forEach(out::add);
        out.add(direction).add(Flag.RTCP_MUX);
        if (section.has(Flag.RTCP_RSIZE)) {
            out.add(Flag.RTCP_RSIZE);
        }
        SectionLines.codecs(out, codecs);
        simulcast(out, layers);
        candidates(out, mid);
        SignalledTrack remote = SignalledTrack.of(offerWith(section)).get(0);
        media.add(new NegotiatedMedia(mid, kind, direction, codecs, extensions, layers, remote));
        return out.build();
    }

    private static void simulcast(MediaDescription.Builder out, List<SimulcastLayer> layers) {
        if (layers.isEmpty()) {
            return;
        }
        List<Simulcast.Layer> streams = new ArrayList<>();
        for (SimulcastLayer layer : layers) {
            out.add(layer.rid().answered());
            streams.add(new Simulcast.Layer(List.of(new Simulcast.Alternative(layer.ridId(), layer.paused()))));
        }
        out.add(new Simulcast(List.of(), streams));
    }

    private MediaDescription dataChannel(MediaDescription section, String mid) {
        MediaDescription.Builder out = MediaDescription.builder(new MediaLine(MediaType.APPLICATION,
                MediaLine.DISCARD_PORT, 0, MediaLine.PROTO_DTLS_SCTP, List.of(MediaLine.FORMAT_DATA_CHANNEL)));
        SectionLines.transport(out, transport, setup(section), mid);
        out.add(SctpPort.DEFAULT).add(new MaxMessageSize(capabilities.maxMessageSizeBytes()));
        candidates(out, mid);
        if (dataChannel == null) {
            dataChannel = new NegotiatedDataChannel(mid,
                    section.attribute(SctpPort.class).orElse(SctpPort.DEFAULT).port(),
                    section.attribute(MaxMessageSize.class).map(MaxMessageSize::bytes)
                            .orElse(MaxMessageSize.DEFAULT_BYTES));
        }
        return out.build();
    }

    private static MediaDescription rejected(MediaDescription section) {
        MediaLine line = section.mediaLine();
        MediaDescription.Builder out = MediaDescription.builder(new MediaLine(line.media(), 0, 0, line.proto(),
                List.of(line.formats().get(0))));
        section.mid().ifPresent(mid -> out.add(new Mid(mid)));
        return out.build();
    }

    /** Candidates go into the first bundled section only (they describe the one shared transport), else into each. */
    private void candidates(MediaDescription.Builder out, String mid) {
        boolean bundled = offeredBundle.contains(mid);
        if (bundled && candidatesWritten) {
            return;
        }
        SectionLines.candidates(out, transport);
        candidatesWritten |= bundled;
    }

    /** RFC 8842 §5.2: actpass (or passive) is answered active; active is answered passive. */
    private Setup setup(MediaDescription section) {
        return offer.setup(section).map(Setup::answer).orElse(Setup.ACTIVE);
    }

    private static boolean isDataChannel(MediaDescription section) {
        MediaLine line = section.mediaLine();
        return line.media().equals(MediaType.APPLICATION) && line.proto().endsWith("DTLS/SCTP")
                && line.formats().contains(MediaLine.FORMAT_DATA_CHANNEL);
    }

    /** A one-section view of the offer, so {@link SignalledTrack#of} resolves session-level direction. */
    private SessionDescription offerWith(MediaDescription section) {
        return new SessionDescription(offer.origin(), offer.sessionName(), offer.lines(), List.of(section));
    }
}
