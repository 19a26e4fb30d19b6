package dev.osprey.media.api;

import java.util.List;

/**
 * Room-wide events for signaling (ParticipantUpdate, speakers_changed, room_update broadcasts) and webhooks. Called
 * on the control path, never per packet, with the room's state already changed; an implementation must not block.
 * Every method has an empty default so a listener implements only what it uses.
 */
public interface RoomListener {
    /** A room was created (explicitly or by the first join). */
    default void roomStarted(RoomInfo room) {
    }

    /** A room closed; its participants have already been removed. */
    default void roomFinished(RoomInfo room, RoomCloseReason reason) {
    }

    /** A participant was admitted (state {@link ParticipantState#JOINING}). */
    default void participantJoined(RoomInfo room, ParticipantInfo participant) {
    }

    /** A participant's state, metadata, name, attributes or permission changed. */
    default void participantUpdated(RoomInfo room, ParticipantInfo participant) {
    }

    /** A participant left; {@code participant} is its final, {@link ParticipantState#DISCONNECTED} snapshot. */
    default void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
    }

    /** A track was published; {@code participant} already lists it. */
    default void trackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
    }

    /** A track was unpublished; {@code participant} no longer lists it. */
    default void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
    }

    /** A track was muted or unmuted ({@link TrackInfo#muted()}). */
    default void trackMuted(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
    }

    /** A room's metadata changed (the server API's UpdateRoomMetadata). */
    default void roomUpdated(RoomInfo room) {
    }

    /** Speakers whose level or activity changed since the previous event (only the changed ones). */
    default void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
    }
}
