package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code a=rid:<rid-id> <send|recv> [pt=<fmt>,...;][<restriction>;...]} (RFC 8851 §10): an RTP stream identifier
 * (carried in the {@code sdes:rtp-stream-id} header extension) with its payload types and restrictions. Browsers
 * offer one per simulcast layer; LiveKit's are {@code q}, {@code h}, {@code f} (low to high).
 *
 * @param payloadTypes the {@code pt=} list, empty when absent
 * @param restrictions the other parameters in order ({@code max-width}, {@code max-fps}, …, RFC 8851 §5)
 */
public record Rid(String id, StreamDirection direction, List<Integer> payloadTypes, List<Restriction> restrictions)
        implements SdpAttribute {

    public static final String NAME = "rid";
    public static final String MAX_WIDTH = "max-width";
    public static final String MAX_HEIGHT = "max-height";
    public static final String MAX_FPS = "max-fps";
    public static final String MAX_FS = "max-fs";
    public static final String MAX_BR = "max-br";
    public static final String MAX_PPS = "max-pps";
    public static final String MAX_BPP = "max-bpp";
    public static final String DEPEND = "depend";

    /**
     * One rid-param (RFC 8851 §10: {@code 1*(alpha-numeric / "-") ["=" param-val]}).
     *
     * @param value printable text without {@code ;}, or {@code null} when there is no {@code =}
     */
    public record Restriction(String name, String value) {

        public Restriction {
            if (!SdpScanner.all(name, c -> SdpScanner.isAlphaNumeric(c) || c == '-')) {
                throw new IllegalArgumentException("rid parameter name \"" + name + "\" is not alphanumeric/-");
            }
            if (name.equals("pt")) {
                throw new IllegalArgumentException("rid pt= belongs in the payload type list");
            }
            if (value != null && !value.isEmpty() && !SdpScanner.all(value, c -> c >= 0x20 && c <= 0x7E && c != ';')) {
                throw new IllegalArgumentException("rid parameter value \"" + value + "\" is not printable without ';'");
            }
        }

        String format() {
            return value == null ? name : name + '=' + value;
        }
    }

    public Rid {
        if (!SdpScanner.all(id, Rid::isRidChar)) {
            throw new IllegalArgumentException("rid-id \"" + id + "\" is not alphanumeric/-/_");
        }
        Objects.requireNonNull(direction, "direction");
        payloadTypes = List.copyOf(payloadTypes);
        payloadTypes.forEach(Checks::payloadType);
        restrictions = List.copyOf(restrictions);
    }

    /** A rid without payload types or restrictions. */
    public static Rid of(String id, StreamDirection direction) {
        return new Rid(id, direction, List.of(), List.of());
    }

    /** Parses the attribute value (after {@code "rid:"}). */
    public static Rid parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=rid");
        String id = s.run(Rid::isRidChar, "rid-id");
        s.spaces("rid-dir");
        String dirToken = s.run(SdpScanner::isAlphaNumeric, "rid-dir");
        StreamDirection direction = StreamDirection.byToken(dirToken);
        if (direction == null) {
            throw s.fail("rid-dir must be send or recv, not \"" + dirToken + "\"");
        }
        List<Integer> pts = new ArrayList<>();
        List<Restriction> restrictions = new ArrayList<>();
        if (s.trySpaces() && !s.atEnd()) {
            String[] params = s.rest().split(";", -1);
            int first = 0;
            if (params[0].startsWith("pt=")) {
                pts = payloadTypes(params[0].substring(3));
                first = 1;
            }
            for (String param : Arrays.asList(params).subList(first, params.length)) {
                restrictions.add(parseRestriction(param));
            }
        }
        List<Integer> payloadTypes = pts;
        return Checks.parsed("a=rid", () -> new Rid(id, direction, payloadTypes, restrictions));
    }

    /** A numeric restriction such as {@link #MAX_WIDTH}; empty when absent or not a plain number. */
    public OptionalLong restriction(String name) {
        for (Restriction r : restrictions) {
            if (r.name.equals(name) && r.value != null && !r.value.isEmpty() && r.value.length() <= 18
                    && SdpScanner.all(r.value, SdpScanner::isDigit)) {
                return OptionalLong.of(Long.parseLong(r.value));
            }
        }
        return OptionalLong.empty();
    }

    /** The same rid seen by the other side, with payload types and restrictions dropped (RFC 8851 §4). */
    public Rid answered() {
        return of(id, direction.reverse());
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        List<String> params = new ArrayList<>(restrictions.size() + 1);
        if (!payloadTypes.isEmpty()) {
            StringBuilder pt = new StringBuilder("pt=");
            for (int i = 0; i < payloadTypes.size(); i++) {
                pt.append(i == 0 ? "" : ",").append(payloadTypes.get(i));
            }
            params.add(pt.toString());
        }
        restrictions.forEach(r -> params.add(r.format()));
        String head = id + ' ' + direction.token();
        return params.isEmpty() ? head : head + ' ' + String.join(";", params);
    }

    static boolean isRidChar(int c) {
        return SdpScanner.isAlphaNumeric(c) || c == '-' || c == '_';
    }

    private static List<Integer> payloadTypes(String list) {
        List<Integer> pts = new ArrayList<>();
        for (String fmt : list.split(",", -1)) {
            SdpScanner s = new SdpScanner(fmt, "a=rid pt");
            pts.add(s.integer(0, 127, "payload type"));
            s.end();
        }
        return pts;
    }

    private static Restriction parseRestriction(String param) {
        int eq = param.indexOf('=');
        String name = eq < 0 ? param : param.substring(0, eq);
        String value = eq < 0 ? null : param.substring(eq + 1);
        return Checks.parsed("a=rid", () -> new Restriction(name, value));
    }
}
