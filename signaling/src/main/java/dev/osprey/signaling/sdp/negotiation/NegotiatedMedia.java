package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.MediaType;

import java.util.List;
import java.util.Objects;

/**
 * The typed outcome of answering one RTP media section: what media-core needs to receive it, without SDP text.
 *
 * @param direction  the direction the answer states (the server's view: {@code recvonly} for a published track)
 * @param codecs     agreed codecs in the offerer's preference order
 * @param extensions agreed header extensions with their ids
 * @param layers     the simulcast layers accepted (empty without rid-based simulcast)
 * @param remote     how the offerer labelled the section (msid, ssrcs)
 */
public record NegotiatedMedia(String mid, MediaType kind, Direction direction, List<NegotiatedCodec> codecs,
                              List<ExtMap> extensions, List<SimulcastLayer> layers, SignalledTrack remote) {

    public NegotiatedMedia {
        Objects.requireNonNull(mid, "mid");
        codecs = List.copyOf(codecs);
        extensions = List.copyOf(extensions);
        layers = List.copyOf(layers);
    }

    /** The id negotiated for the header extension {@code uri}, 0 when it was not. */
    public int extensionId(String uri) {
        return HeaderExtensions.idOf(extensions, uri);
    }
}
