package dev.osprey.signaling.session;

import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.IceUfrag;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.negotiation.MediaCapabilities;
import dev.osprey.signaling.sdp.negotiation.NegotiatedMedia;
import dev.osprey.signaling.sdp.negotiation.PublisherAnswer;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The publisher peer connection, where the client offers (livekit-protocol.md §2.2-§2.5): answers each offer,
 * restarts ICE when the client did (RFC 8445 §9: a new remote ufrag), and binds every received section to the
 * track its AddTrackRequest published. The client runs AddTrack and negotiation in parallel, so a section may
 * arrive before or after its request; whichever comes second binds them. Runs on its session's executor.
 */
final class PublisherNegotiator {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherNegotiator.class);

    /** An answer, the mids it bound (for {@code mid_to_track_id}) and Osprey's transport in it (for trickle). */
    record Answer(SessionDescription description, Map<String, String> midToTrackId, TransportDescription transport,
                  String firstMid) {
    }

    private final ParticipantSession participant;
    private final MediaCapabilities capabilities;
    private final PublishedCodecs codecs;
    private final Map<String, TrackInfo> published = new HashMap<>();
    private final Map<String, NegotiatedMedia> unbound = new HashMap<>();
    private final Map<String, TrackId> boundMids = new LinkedHashMap<>();
    private Origin origin;
    private IceUfrag remoteUfrag;

    PublisherNegotiator(ParticipantSession participant, MediaCapabilities capabilities, PublishedCodecs codecs,
                        long sessionId) {
        this.participant = participant;
        this.capabilities = capabilities;
        this.codecs = codecs;
        this.origin = Origin.of(sessionId, 1);
    }

    /** An AddTrackRequest was accepted as {@code track}: binds its section if the offer came first. */
    void published(TrackInfo track) {
        String cid = track.request().clientTrackId();
        published.put(cid, track);
        NegotiatedMedia waiting = unbound.remove(cid);
        if (waiting != null) {
            bind(track, waiting);
        }
    }

    /** The track went away (unpublished by the client, the server API or a permission change). */
    void unpublished(TrackId track) {
        published.values().removeIf(t -> t.id().equals(track));
        boundMids.values().removeIf(track::equals);
    }

    /**
     * Answers one offer of the client's publisher connection.
     *
     * @throws dev.osprey.signaling.sdp.SdpParseException when the offer is unusable
     * @throws RoomException                             when the participant already left
     */
    Answer answer(SessionDescription offer) {
        IceUfrag ufrag = offer.media().stream().filter(m -> !m.isRejected()).findFirst()
                .flatMap(offer::iceUfrag).orElse(null);
        LocalTransportDescription local;
        if (remoteUfrag != null && ufrag != null && !ufrag.equals(remoteUfrag)) {
            local = participant.transports().restartIce(PeerConnectionRole.PUBLISHER);
        } else {
            local = participant.transports().describe(PeerConnectionRole.PUBLISHER);
        }
        remoteUfrag = ufrag;
        origin = origin.nextVersion();
        TransportDescription transport = SdpTransports.local(local);
        PublisherAnswer.Result result = PublisherAnswer.answer(offer, origin, transport, capabilities);
        participant.transports().connect(PeerConnectionRole.PUBLISHER, SdpTransports.remote(offer));
        for (NegotiatedMedia media : result.media()) {
            receive(media);
        }
        Map<String, String> midToTrack = new LinkedHashMap<>();
        boundMids.forEach((mid, track) -> midToTrack.put(mid, track.value()));
        String firstMid = result.answer().media().stream().filter(m -> !m.isRejected())
                .flatMap(m -> m.mid().stream()).findFirst().orElse("0");
        return new Answer(result.answer(), midToTrack, transport, firstMid);
    }

    private void receive(NegotiatedMedia media) {
        if (media.direction() != Direction.RECVONLY && media.direction() != Direction.SENDRECV) {
            return; // the client stopped sending on this section (unpublished) or it carries nothing for us
        }
        String cid = media.remote() == null ? null : media.remote().trackId();
        if (cid == null) {
            LOG.debug("publisher section {} has no msid track id; it stays unbound", media.mid());
            return;
        }
        TrackInfo track = published.get(cid);
        if (track == null) {
            unbound.put(cid, media);
        } else if (!media.mid().equals(track.mid()) || !boundMids.containsKey(media.mid())) {
            bind(track, media);
        }
    }

    private void bind(TrackInfo track, NegotiatedMedia media) {
        List<Encoding> announced = track.layers();
        try {
            var parameters = NegotiatedRtp.published(media, announced);
            // before media-core announces the negotiation: subscribers' sessions read this on that event
            codecs.negotiated(track.id(), parameters);
            TrackInfo bound = participant.publisher().negotiated(track.id(), parameters);
            published.put(track.request().clientTrackId(), bound);
            boundMids.put(media.mid(), track.id());
        } catch (RoomException | IllegalArgumentException e) {
            LOG.atWarn().addKeyValue("participant", participant.info().id().value())
                    .addKeyValue("track", track.id().value()).addKeyValue("mid", media.mid())
                    .log("publisher section not bound: {}", e.getMessage());
        }
    }

    /** The track a client track id was published as. */
    Optional<TrackInfo> track(String clientTrackId) {
        return Optional.ofNullable(published.get(Objects.requireNonNull(clientTrackId)));
    }
}
