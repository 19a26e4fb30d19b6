package dev.osprey.signaling.sdp;

import java.util.List;
import java.util.Optional;

/** Typed look-ups over the ordered lines of a session or media section. */
public interface SdpSection {

    /** The section's lines after its first line, in order. */
    List<SdpLine> lines();

    /** The first line (attribute, {@code c=}, {@code b=}, …) of class {@code type}. */
    default <T extends SdpLine> Optional<T> attribute(Class<T> type) {
        for (SdpLine line : lines()) {
            if (type.isInstance(line)) {
                return Optional.of(type.cast(line));
            }
        }
        return Optional.empty();
    }

    /** All lines of class {@code type}, in order. */
    default <T extends SdpLine> List<T> attributes(Class<T> type) {
        return lines().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Whether the property attribute {@code flag} is present. */
    default boolean has(Flag flag) {
        return lines().contains(flag);
    }

    /** The verbatim attributes called {@code name} that have no class of their own. */
    default List<UnknownAttribute> unknownAttributes(String name) {
        return attributes(UnknownAttribute.class).stream().filter(a -> a.name().equals(name)).toList();
    }

    /** The direction attribute, if any (absent means sendrecv, RFC 8866 §6.7). */
    default Optional<Direction> direction() {
        return attribute(Direction.class);
    }

    default Optional<IceUfrag> iceUfrag() {
        return attribute(IceUfrag.class);
    }

    default Optional<IcePwd> icePwd() {
        return attribute(IcePwd.class);
    }

    default Optional<IceOptions> iceOptions() {
        return attribute(IceOptions.class);
    }

    default List<Fingerprint> fingerprints() {
        return attributes(Fingerprint.class);
    }

    default Optional<Setup> setup() {
        return attribute(Setup.class);
    }
}
