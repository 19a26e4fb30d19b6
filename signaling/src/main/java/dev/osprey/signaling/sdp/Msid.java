package dev.osprey.signaling.sdp;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2): the MediaStream the section's track belongs to and the
 * track's id. {@code -} as stream id means "no stream" (RFC 8829 §5.2.1). LiveKit labels subscribed media
 * {@code PA_<participant>|<stream> TR_<track>} (see {@code negotiation.PackedStreamId}).
 * The RFC caps ids at 64 token-chars; longer ones are accepted because stream labels come from clients.
 *
 * @param trackId the appdata, or {@code null} when absent
 */
public record Msid(String streamId, String trackId) implements SdpAttribute {

    public static final String NAME = "msid";
    /** The stream id of a track that belongs to no stream. */
    public static final String NO_STREAM = "-";

    public Msid {
        Checks.token(streamId, "msid stream id");
        if (trackId != null) {
            Checks.token(trackId, "msid track id");
        }
    }

    /** Parses the attribute value (after {@code "msid:"}). */
    public static Msid parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=msid");
        String stream = s.token("msid-id");
        String track = s.trySpaces() && !s.atEnd() ? s.token("msid-appdata") : null;
        s.end();
        return new Msid(stream, track);
    }

    /** Whether the track belongs to a stream (the id is not {@code -}). */
    public boolean hasStream() {
        return !NO_STREAM.equals(streamId);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return trackId == null ? streamId : streamId + ' ' + trackId;
    }
}
