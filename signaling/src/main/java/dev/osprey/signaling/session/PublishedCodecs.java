package dev.osprey.signaling.session;

import dev.osprey.media.api.Codec;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.TrackId;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each published track's packets actually carry, by track: the first codec its publisher negotiated. Subscriber
 * offers must name the same payload format, because the SFU forwards packets without transcoding — for audio that
 * means RED (RFC 2198) when the publisher sends RED, plain Opus otherwise. Shared by every session of a server.
 */
final class PublishedCodecs {

    private final ConcurrentHashMap<TrackId, String> forwarded = new ConcurrentHashMap<>();

    void negotiated(TrackId track, RtpParameters parameters) {
        parameters.codecs().stream().filter(c -> !c.mimeType().isRtx()).findFirst().map(Codec::mimeType)
                .ifPresent(mime -> forwarded.put(track, mime.toString()));
    }

    /** The MIME type to offer subscribers, e.g. {@code audio/red}; empty until the publisher negotiated. */
    Optional<String> forwardedMime(TrackId track) {
        return Optional.ofNullable(forwarded.get(track));
    }

    void remove(TrackId track) {
        forwarded.remove(track);
    }
}
