package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ice-options:<tag> ...} (RFC 8839 §5.6), e.g. {@code trickle} (RFC 8840 §4.1.1) or {@code ice2}
 * (RFC 8445 §10).
 */
public record IceOptions(List<String> options) implements SdpAttribute {

    public static final String NAME = "ice-options";
    public static final String TRICKLE = "trickle";
    public static final String ICE2 = "ice2";

    public IceOptions {
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("ice-options needs at least one option tag");
        }
        options.forEach(o -> IcePwd.checkIceChars(o, 1, 256, "ice-option-tag"));
    }

    /** Parses the attribute value (after {@code "ice-options:"}). */
    public static IceOptions parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=ice-options");
        List<String> options = new ArrayList<>();
        s.trySpaces();
        do {
            options.add(s.run(IcePwd::isIceChar, "ice-option-tag"));
        } while (s.trySpaces() && !s.atEnd());
        s.end();
        return Checks.parsed("a=ice-options", () -> new IceOptions(options));
    }

    public boolean has(String option) {
        return options.contains(option);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return String.join(" ", options);
    }
}
