package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SDP session description (RFC 8866 §5): {@code v=0}, the origin, the session name, the session-level
 * lines in order (at least one {@code t=}) and the media sections. Immutable; build new ones with {@link #builder}.
 *
 * @param sessionName the {@code s=} text ({@code -} in WebRTC)
 */
public record SessionDescription(Origin origin, String sessionName, List<SdpLine> lines,
                                 List<MediaDescription> media) implements SdpSection {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Checks.lineText(sessionName, "s= session name");
        lines = List.copyOf(lines);
        media = List.copyOf(media);
        if (lines.stream().noneMatch(Timing.class::isInstance)) {
            throw new IllegalArgumentException("a session description needs a t= line (RFC 8866 §5.9)");
        }
    }

    /** Parses with {@link SdpLimits#DEFAULT}. */
    public static SessionDescription parse(String sdp) {
        return new SdpParser(SdpLimits.DEFAULT).parse(sdp);
    }

    /** The SDP text, CRLF-terminated lines (RFC 8866 §5). */
    public String toSdp() {
        return SdpWriter.write(this);
    }

    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /** The {@code BUNDLE} groups (RFC 8843 §7.1); WebRTC uses at most one. */
    public List<Group> bundleGroups() {
        return attributes(Group.class).stream().filter(Group::isBundle).toList();
    }

    /** Whether the writer is an ICE-lite agent (RFC 8839 §5.3). */
    public boolean isIceLite() {
        return has(Flag.ICE_LITE);
    }

    /** The section whose {@code a=mid} is {@code mid}. */
    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /** The section's ufrag, else the session's (RFC 8839 §5.4: media level overrides session level). */
    public Optional<IceUfrag> iceUfrag(MediaDescription section) {
        return section.iceUfrag().or(this::iceUfrag);
    }

    public Optional<IcePwd> icePwd(MediaDescription section) {
        return section.icePwd().or(this::icePwd);
    }

    /** The section's fingerprints, else the session's (RFC 8122 §5). */
    public List<Fingerprint> fingerprints(MediaDescription section) {
        List<Fingerprint> own = section.fingerprints();
        return own.isEmpty() ? fingerprints() : own;
    }

    public Optional<Setup> setup(MediaDescription section) {
        return section.setup().or(this::setup);
    }

    /** The section's direction, else the session's, else sendrecv (RFC 8866 §6.7). */
    public Direction direction(MediaDescription section) {
        return section.direction().or(this::direction).orElse(Direction.SENDRECV);
    }

    /** Collects session lines and media sections in order. */
    public static final class Builder {
        private final Origin origin;
        private String sessionName = "-";
        private final List<SdpLine> lines = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        public Builder sessionName(String name) {
            this.sessionName = name;
            return this;
        }

        /** Adds a session-level line; without any {@code t=}, {@link #build()} puts {@code t=0 0} first. */
        public Builder add(SdpLine line) {
            lines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        public Builder addMedia(MediaDescription section) {
            media.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        public SessionDescription build() {
            List<SdpLine> all = new ArrayList<>(lines);
            if (all.stream().noneMatch(Timing.class::isInstance)) {
                all.add(0, Timing.UNBOUNDED);
            }
            return new SessionDescription(origin, sessionName, all, media);
        }
    }
}
