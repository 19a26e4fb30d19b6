package dev.osprey.signaling.session;

import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.negotiation.HeaderExtensions;
import dev.osprey.signaling.sdp.negotiation.MediaCapabilities;
import dev.osprey.signaling.sdp.negotiation.NegotiatedCodec;
import dev.osprey.signaling.sdp.negotiation.PackedStreamId;
import dev.osprey.signaling.sdp.negotiation.SubscriberOffer;
import dev.osprey.signaling.sdp.negotiation.SubscriberSection;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriber peer connection, where Osprey offers (livekit-protocol.md §2.2, §2.3): one {@code m=application}
 * section from the first offer on, so the connection comes up before any media, then one {@code sendonly} section per
 * subscribed track labelled {@code a=msid:PA_x|TR_y TR_y}. A section keeps its mid and position for the life of the
 * connection (RFC 8829 §5.2.2); an ended subscription leaves it {@code inactive}. One offer is outstanding at a time;
 * changes meanwhile are folded into the next offer once the answer arrived. Runs on its session's executor.
 */
final class SubscriberNegotiator {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberNegotiator.class);

    /** One m-section and, while it carries a track, which one. */
    private static final class Section {
        SubscriberSection.Track spec;
        TrackId track;
        boolean negotiated;

        Section(SubscriberSection.Track spec, TrackId track) {
            this.spec = spec;
            this.track = track;
        }
    }

    /** An offer to send, the {@code mid_to_track_id} that goes with it and Osprey's transport in it. */
    record Offer(SessionDescription description, int id, Map<String, String> midToTrackId,
                 TransportDescription transport) {
    }

    /** The mid of the data channel section, first in every offer and so the one candidates belong to. */
    static final String FIRST_MID = "0";

    private final ParticipantSession participant;
    private final MediaCapabilities capabilities;
    private final PublishedCodecs codecs;
    private final List<Section> sections = new ArrayList<>();
    private final Map<TrackId, SubscriptionInfo> waiting = new LinkedHashMap<>();
    private Origin origin;
    private int offerId;
    private boolean awaitingAnswer;
    private boolean changed = true; // the first offer (data channel only) is always due
    private boolean restartIce;
    private boolean connected;

    SubscriberNegotiator(ParticipantSession participant, MediaCapabilities capabilities, PublishedCodecs codecs,
                         long sessionId) {
        this.participant = participant;
        this.capabilities = capabilities;
        this.codecs = codecs;
        this.origin = Origin.of(sessionId, 0);
    }

    /**
     * A subscription began. Its section is added once the publisher's own section is negotiated, because the offer
     * must name the payload format the publisher really sends.
     */
    void subscribed(SubscriptionInfo subscription, TrackInfo track) {
        waiting.put(subscription.track(), subscription);
        trackChanged(track);
    }

    /** A published track changed (e.g. its publisher's offer was negotiated): a waiting subscription may proceed. */
    void trackChanged(TrackInfo track) {
        SubscriptionInfo subscription = waiting.get(track.id());
        if (subscription == null || track.mid().isEmpty()) {
            return;
        }
        Optional<String> mime = codecs.forwardedMime(track.id());
        if (mime.isEmpty()) {
            return;
        }
        List<NegotiatedCodec> offered = SubscriberOffer.codecsFor(capabilities, mime.get());
        waiting.remove(track.id());
        if (offered.isEmpty()) {
            LOG.atWarn().addKeyValue("participant", participant.info().id().value())
                    .addKeyValue("track", track.id().value()).log("no subscriber codec for {}", mime.get());
            return;
        }
        String stream = track.request().stream();
        var msid = stream.isEmpty() ? PackedStreamId.msid(track.publisher().value(), track.id().value())
                : new PackedStreamId(track.publisher().value(), stream).msid(track.id().value());
        String mid = Integer.toString(sections.size() + 1);
        SubscriberSection.Track spec = SubscriberSection.Track.sending(mid, NegotiatedRtp.mediaType(track.kind()),
                msid, offered, subscription.ssrc(), subscription.rtxSsrc(), subscription.cname());
        sections.add(new Section(spec, track.id()));
        changed = true;
    }

    /** A subscription ended: its section goes inactive. */
    void unsubscribed(TrackId track) {
        if (waiting.remove(track) != null) {
            return;
        }
        for (Section s : sections) {
            if (track.equals(s.track)) {
                s.spec = SubscriberSection.Track.inactive(s.spec.mid(), s.spec.kind(), s.spec.codecs());
                s.track = null;
                s.negotiated = false;
                changed = true;
            }
        }
    }

    /**
     * After a resume: the next offer restarts ICE (RFC 8445 §9), and goes out even if the last one was never
     * answered, since that answer (or the offer itself) was lost with the old connection.
     */
    void resumed() {
        restartIce = true;
        changed = true;
        awaitingAnswer = false;
    }

    /** The offer to send now, if something changed and no other offer is outstanding. */
    Optional<Offer> nextOffer() {
        if (!changed || awaitingAnswer) {
            return Optional.empty();
        }
        LocalTransportDescription local = restartIce && connected
                ? participant.transports().restartIce(PeerConnectionRole.SUBSCRIBER)
                : participant.transports().describe(PeerConnectionRole.SUBSCRIBER);
        restartIce = false;
        List<SubscriberSection> specs = new ArrayList<>();
        specs.add(new SubscriberSection.DataChannel(FIRST_MID));
        Map<String, String> midToTrack = new LinkedHashMap<>();
        for (Section s : sections) {
            specs.add(s.spec);
            if (s.track != null) {
                midToTrack.put(s.spec.mid(), s.track.value());
            }
        }
        origin = origin.nextVersion();
        TransportDescription transport = SdpTransports.local(local);
        SessionDescription offer = SubscriberOffer.offer(origin, transport, capabilities, specs);
        changed = false;
        awaitingAnswer = true;
        return Optional.of(new Offer(offer, ++offerId, midToTrack, transport));
    }

    /**
     * The client's answer: the transport connects (first answer) and every newly accepted section starts
     * forwarding with the payload types and header extension ids it agreed to.
     *
     * @throws dev.osprey.signaling.sdp.SdpParseException when the answer is unusable
     */
    void answered(SessionDescription answer, int id) {
        if (id != 0 && id != offerId) {
            LOG.debug("ignoring answer {} to an older offer (latest {})", id, offerId);
            return;
        }
        awaitingAnswer = false;
        if (!connected) {
            participant.transports().connect(PeerConnectionRole.SUBSCRIBER, SdpTransports.remote(answer));
            connected = true;
        }
        for (Section s : sections) {
            if (s.track == null || s.negotiated) {
                continue;
            }
            Optional<MediaDescription> section = answer.mediaByMid(s.spec.mid());
            if (section.isEmpty() || section.get().isRejected()) {
                continue;
            }
            List<ExtMap> offeredExtensions = HeaderExtensions.offer(capabilities.subscriber().extensions(s.spec.kind()));
            try {
                participant.subscriber().negotiated(s.track, NegotiatedRtp.subscribed(s.spec, offeredExtensions,
                        section.get()));
                s.negotiated = true;
            } catch (RoomException | IllegalArgumentException e) {
                LOG.atWarn().addKeyValue("participant", participant.info().id().value())
                        .addKeyValue("track", s.track.value()).log("subscriber section not started: {}", e.getMessage());
            }
        }
    }

    /** Whether an offer is waiting for its answer. */
    boolean awaitingAnswer() {
        return awaitingAnswer;
    }
}
