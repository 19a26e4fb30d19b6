package dev.osprey.signaling.webhook;

import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitWebhook.WebhookEvent;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * Builds LiveKit's webhook events (livekit_webhook.proto {@code WebhookEvent}) with what livekit-server puts in each:
 * the room (for track events only its sid and name), the participant (for track events only its sid and identity),
 * the track, a fresh {@code EV_} id and the
 * creation time in Unix seconds.
 */
public final class WebhookEvents {

    public static final String ROOM_STARTED = "room_started";
    public static final String ROOM_FINISHED = "room_finished";
    public static final String PARTICIPANT_JOINED = "participant_joined";
    public static final String PARTICIPANT_LEFT = "participant_left";
    public static final String PARTICIPANT_CONNECTION_ABORTED = "participant_connection_aborted";
    public static final String TRACK_PUBLISHED = "track_published";
    public static final String TRACK_UNPUBLISHED = "track_unpublished";

    /** The prefix of LiveKit's event ids; 12 base62 characters follow. */
    public static final String ID_PREFIX = "EV_";
    static final int ID_RANDOM_CHARS = 12;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Clock clock;
    private final Random random;

    public WebhookEvents(Clock clock) {
        this(clock, new SecureRandom());
    }

    WebhookEvents(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public WebhookEvent roomStarted(Room room) {
        return stamp(WebhookEvent.newBuilder().setEvent(ROOM_STARTED).setRoom(room));
    }

    public WebhookEvent roomFinished(Room room) {
        return stamp(WebhookEvent.newBuilder().setEvent(ROOM_FINISHED).setRoom(room));
    }

    public WebhookEvent participantJoined(Room room, ParticipantInfo participant) {
        return participantEvent(PARTICIPANT_JOINED, room, participant);
    }

    public WebhookEvent participantLeft(Room room, ParticipantInfo participant) {
        return participantEvent(PARTICIPANT_LEFT, room, participant);
    }

    /** A participant whose connection failed before it was fully established. */
    public WebhookEvent participantConnectionAborted(Room room, ParticipantInfo participant) {
        return participantEvent(PARTICIPANT_CONNECTION_ABORTED, room, participant);
    }

    public WebhookEvent trackPublished(Room room, ParticipantInfo participant, TrackInfo track) {
        return trackEvent(TRACK_PUBLISHED, room, participant, track);
    }

    public WebhookEvent trackUnpublished(Room room, ParticipantInfo participant, TrackInfo track) {
        return trackEvent(TRACK_UNPUBLISHED, room, participant, track);
    }

    /** The event with an id and creation time where it has none. */
    public WebhookEvent stamp(WebhookEvent event) {
        if (!event.getId().isEmpty() && event.getCreatedAt() != 0) {
            return event;
        }
        return stamp(event.toBuilder());
    }

    private WebhookEvent stamp(WebhookEvent.Builder event) {
        if (event.getId().isEmpty()) {
            event.setId(newId());
        }
        if (event.getCreatedAt() == 0) {
            event.setCreatedAt(clock.instant().getEpochSecond());
        }
        return event.build();
    }

    private WebhookEvent participantEvent(String name, Room room, ParticipantInfo participant) {
        return stamp(WebhookEvent.newBuilder().setEvent(name).setRoom(room).setParticipant(participant));
    }

    private WebhookEvent trackEvent(String name, Room room, ParticipantInfo participant, TrackInfo track) {
        // livekit-server trims the room of track events unless enable_full_room_in_webhooks is set, and names the
        // publisher by sid and identity only
        Room trimmed = Room.newBuilder().setSid(room.getSid()).setName(room.getName()).build();
        ParticipantInfo publisher = ParticipantInfo.newBuilder().setSid(participant.getSid())
                .setIdentity(participant.getIdentity()).build();
        return stamp(WebhookEvent.newBuilder().setEvent(name).setRoom(trimmed).setParticipant(publisher)
                .setTrack(track));
    }

    /** {@code EV_} and 12 random base62 characters, the shape of LiveKit's ids. */
    String newId() {
        StringBuilder id = new StringBuilder(ID_PREFIX.length() + ID_RANDOM_CHARS).append(ID_PREFIX);
        for (int i = 0; i < ID_RANDOM_CHARS; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
