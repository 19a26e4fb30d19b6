package dev.osprey.media.api;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a published track (LiveKit TrackInfo, livekit-protocol.md §2.5).
 *
 * @param id            the track's sid ({@code TR_…})
 * @param publisher     who publishes it
 * @param request       what the publisher asked for (cid, name, kind, source, layers...)
 * @param mimeType      the codec actually negotiated, or the requested one before negotiation
 * @param mid           the publisher's media section, empty before its offer was negotiated
 * @param muted         currently muted
 */
public record TrackInfo(TrackId id, ParticipantId publisher, TrackPublishRequest request, MimeType mimeType,
                        String mid, boolean muted) {
    public TrackInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(mid, "mid");
    }

    public MediaKind kind() {
        return request.kind();
    }

    public TrackSource source() {
        return request.source();
    }

    public List<Encoding> layers() {
        return request.layers();
    }

    public boolean simulcast() {
        return request.layers().size() > 1;
    }
}
