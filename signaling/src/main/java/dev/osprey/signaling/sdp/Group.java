package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=group:<semantics> <mid> ...} (RFC 5888 §5), in WebRTC the {@code BUNDLE} group (RFC 8843 §7.1) whose
 * sections share one transport; the first mid is the offerer-tagged section.
 */
public record Group(String semantics, List<String> mids) implements SdpAttribute {

    public static final String NAME = "group";
    /** RFC 8843 §7.1. */
    public static final String BUNDLE = "BUNDLE";
    /** Lip synchronisation (RFC 5888 §7). */
    public static final String LS = "LS";

    public Group {
        Checks.token(semantics, "group semantics");
        mids = List.copyOf(mids);
        mids.forEach(mid -> Checks.token(mid, "group identification-tag"));
    }

    /** A BUNDLE group of {@code mids}. */
    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    /** Parses the attribute value (after {@code "group:"}). */
    public static Group parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=group");
        String semantics = s.token("semantics");
        List<String> mids = new ArrayList<>();
        while (s.trySpaces() && !s.atEnd()) {
            mids.add(s.token("identification-tag"));
        }
        s.end();
        return new Group(semantics, mids);
    }

    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder(semantics);
        mids.forEach(mid -> out.append(' ').append(mid));
        return out.toString();
    }
}
