package dev.osprey.media.api;

/** Where a published track comes from (LiveKit TrackSource); drives {@code canPublishSources} checks. */
public enum TrackSource {
    UNKNOWN,
    CAMERA,
    MICROPHONE,
    SCREEN_SHARE,
    SCREEN_SHARE_AUDIO
}
