package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc-id> ...} (RFC 5576 §4.2): ties sources together, e.g. {@code FID} for a
 * media SSRC and its RTX SSRC (RFC 4588 §8.3) or {@code SIM} for SSRC-signalled simulcast layers.
 *
 * @param ssrcs unsigned 32-bit SSRCs in order
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements SdpAttribute {

    public static final String NAME = "ssrc-group";
    /** Flow identification: media then retransmission SSRC (RFC 5888 §4, RFC 4588 §8.3). */
    public static final String FID = "FID";
    /** Simulcast layers, lowest first (as libwebrtc writes them). */
    public static final String SIM = "SIM";
    /** Forward error correction source/repair (RFC 5956 §4.3). */
    public static final String FEC_FR = "FEC-FR";

    public SsrcGroup {
        Checks.token(semantics, "ssrc-group semantics");
        ssrcs = List.copyOf(ssrcs);
        ssrcs.forEach(ssrc -> Checks.range(ssrc, 0, 0xFFFF_FFFFL, "ssrc"));
    }

    /** Parses the attribute value (after {@code "ssrc-group:"}). */
    public static SsrcGroup parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=ssrc-group");
        String semantics = s.token("semantics");
        List<Long> ssrcs = new ArrayList<>();
        while (s.trySpaces() && !s.atEnd()) {
            ssrcs.add(s.number(0, 0xFFFF_FFFFL, "ssrc-id"));
        }
        s.end();
        return new SsrcGroup(semantics, ssrcs);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder(semantics);
        ssrcs.forEach(ssrc -> out.append(' ').append(ssrc));
        return out.toString();
    }
}
