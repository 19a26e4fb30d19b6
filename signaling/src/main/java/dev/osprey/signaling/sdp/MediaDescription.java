package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A media section (RFC 8866 §5.14): its {@code m=} line and the lines up to the next {@code m=}, in order.
 * Look-ups return media-level values only; {@link SessionDescription} resolves session-level fallbacks.
 */
public record MediaDescription(MediaLine mediaLine, List<SdpLine> lines) implements SdpSection {

    public MediaDescription {
        Objects.requireNonNull(mediaLine, "mediaLine");
        lines = List.copyOf(lines);
        for (SdpLine line : lines) {
            if (line instanceof Timing || line instanceof SdpField f && "rz".indexOf(f.lineType()) >= 0) {
                throw new IllegalArgumentException(line.lineType() + "= is a session-level line");
            }
        }
    }

    public static Builder builder(MediaLine mediaLine) {
        return new Builder(mediaLine);
    }

    public MediaType media() {
        return mediaLine.media();
    }

    public Optional<String> mid() {
        return attribute(Mid.class).map(Mid::id);
    }

    public List<RtpMap> rtpMaps() {
        return attributes(RtpMap.class);
    }

    public Optional<RtpMap> rtpMap(int payloadType) {
        return rtpMaps().stream().filter(m -> m.payloadType() == payloadType).findFirst();
    }

    /** The fmtp parameters of {@code payloadType}, empty parameters when there is no {@code a=fmtp}. */
    public FormatParameters formatParameters(int payloadType) {
        return attributes(Fmtp.class).stream().filter(f -> f.payloadType() == payloadType).findFirst()
                .map(Fmtp::parameters).orElse(FormatParameters.EMPTY);
    }

    /** The feedback for {@code payloadType}, including wildcard ({@code *}) entries (RFC 4585 §4.2). */
    public List<RtcpFb> rtcpFeedback(int payloadType) {
        return attributes(RtcpFb.class).stream()
                .filter(f -> f.payloadType() == payloadType || f.payloadType() == RtcpFb.WILDCARD).toList();
    }

    public List<ExtMap> extMaps() {
        return attributes(ExtMap.class);
    }

    public List<Rid> rids() {
        return attributes(Rid.class);
    }

    public Optional<Simulcast> simulcast() {
        return attribute(Simulcast.class);
    }

    public List<Msid> msids() {
        return attributes(Msid.class);
    }

    public List<Ssrc> ssrcs() {
        return attributes(Ssrc.class);
    }

    public List<SsrcGroup> ssrcGroups() {
        return attributes(SsrcGroup.class);
    }

    public List<Candidate> candidates() {
        return attributes(Candidate.class);
    }

    /**
     * Whether the answerer or offerer rejected (or disabled) the section: port 0 without {@code a=bundle-only}
     * (RFC 3264 §6, RFC 8843 §6).
     */
    public boolean isRejected() {
        return mediaLine.isPortZero() && !has(Flag.BUNDLE_ONLY);
    }

    /** A copy with another line list. */
    public MediaDescription withLines(List<SdpLine> newLines) {
        return new MediaDescription(mediaLine, newLines);
    }

    /** Collects lines in order. */
    public static final class Builder {
        private final MediaLine mediaLine;
        private final List<SdpLine> lines = new ArrayList<>();

        private Builder(MediaLine mediaLine) {
            this.mediaLine = Objects.requireNonNull(mediaLine, "mediaLine");
        }

        public Builder add(SdpLine line) {
            lines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        public Builder addAll(List<? extends SdpLine> more) {
            more.forEach(this::add);
            return this;
        }

        public MediaDescription build() {
            return new MediaDescription(mediaLine, lines);
        }
    }
}
