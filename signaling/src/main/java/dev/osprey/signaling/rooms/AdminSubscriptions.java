package dev.osprey.signaling.rooms;

import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.TrackId;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * UpdateSubscriptions for the server API: subscribes the participant to (or unsubscribes it from) every track named in
 * {@code track_sids} and {@code participant_tracks}. As in livekit-server the call succeeds once the participant is
 * found; a track that does not exist or may not be subscribed to is skipped, since livekit-server reports those to
 * the participant's client, not to the API caller.
 */
final class AdminSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSubscriptions.class);

    private AdminSubscriptions() {
    }

    static void apply(ParticipantSession session, LivekitRoom.UpdateSubscriptionsRequest request) {
        Set<String> sids = new LinkedHashSet<>(request.getTrackSidsList());
        for (LivekitModels.ParticipantTracks tracks : request.getParticipantTracksList()) {
            sids.addAll(tracks.getTrackSidsList());
        }
        for (String sid : sids) {
            Optional<TrackId> track = EmbeddedRoomService.parseTrack(sid);
            if (track.isEmpty()) {
                LOG.atDebug().addKeyValue("track", sid).log("UpdateSubscriptions names no track sid; skipped");
                continue;
            }
            change(session, track.get(), request.getSubscribe());
        }
    }

    private static void change(ParticipantSession session, TrackId track, boolean subscribe) {
        try {
            if (subscribe) {
                session.subscriber().subscribe(track);
            } else {
                session.subscriber().unsubscribe(track);
            }
        } catch (RoomException e) {
            if (e.reason() == RoomException.Reason.PARTICIPANT_NOT_FOUND) {
                throw e;
            }
            LOG.atDebug().addKeyValue("participant", session.info().identity().value())
                    .addKeyValue("track", track.value()).addKeyValue("reason", e.reason())
                    .log("UpdateSubscriptions could not change a subscription; skipped");
        }
    }
}
