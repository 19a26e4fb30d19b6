package dev.osprey.signaling.sdp;

import java.util.Objects;

/**
 * {@code a=extmap:<id>[/<direction>] <URI> [<extension attributes>]} (RFC 8285 §8): maps an RTP header extension
 * URI to the local identifier carried in packets. Identifiers 1–14 fit the one-byte form and 1–255 the two-byte
 * form (RFC 8285 §4.2, §4.3; 15 is reserved only in the one-byte form); 4096–4351 may appear in offers to propose
 * more mappings than fit (RFC 8285 §7).
 *
 * @param direction the optional direction, {@code null} when absent (then it follows the media direction)
 * @param extensionAttributes text after the URI, {@code null} when absent
 */
public record ExtMap(int id, Direction direction, String uri, String extensionAttributes) implements SdpAttribute {

    public static final String NAME = "extmap";

    public ExtMap {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("extmap id " + id + " is not in 1..255 or 4096..4351");
        }
        Checks.byteString(uri, "extmap URI");
        if (uri.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("extmap URI must not contain spaces");
        }
        if (extensionAttributes != null) {
            Checks.byteString(extensionAttributes, "extmap extension attributes");
            if (!extensionAttributes.strip().equals(extensionAttributes)) {
                throw new IllegalArgumentException("extmap extension attributes must not have outer spaces");
            }
        }
    }

    /** A mapping without direction or extension attributes. */
    public static ExtMap of(int id, String uri) {
        return new ExtMap(id, null, uri, null);
    }

    /** Parses the attribute value (after {@code "extmap:"}). */
    public static ExtMap parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=extmap");
        int id = s.integer(1, 4351, "id");
        Direction direction = null;
        if (s.skip('/')) {
            String name = s.token("direction");
            direction = Direction.byName(name);
            if (direction == null) {
                throw s.fail("unknown direction \"" + name + "\"");
            }
        }
        s.spaces("URI");
        String uri = s.word("URI");
        String attributes = s.trySpaces() && !s.atEnd() ? s.rest().strip() : null;
        s.end();
        Direction dir = direction;
        return Checks.parsed("a=extmap", () -> new ExtMap(id, dir, uri, attributes));
    }

    /** RFC 8285 §4.2, §4.3, §7: 0 is padding; 1–255 map extensions; 4096–4351 are offer-only proposals. */
    public static boolean isValidId(int id) {
        return (id >= 1 && id <= 255) || (id >= 4096 && id <= 4351);
    }

    /** Whether packets can carry this id in the one-byte header form (RFC 8285 §4.2). */
    public boolean fitsOneByteHeader() {
        return id >= 1 && id <= 14;
    }

    /** A copy with another id (answers keep the offer's id, RFC 8285 §7). */
    public ExtMap withId(int newId) {
        return new ExtMap(newId, direction, uri, extensionAttributes);
    }

    /** A copy with another direction, or none. */
    public ExtMap withDirection(Direction newDirection) {
        return new ExtMap(id, newDirection, uri, extensionAttributes);
    }

    /** Whether this maps the extension named {@code extensionUri}. */
    public boolean isFor(String extensionUri) {
        return Objects.equals(uri, extensionUri);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder(uri.length() + 16).append(id);
        if (direction != null) {
            out.append('/').append(direction.attributeName());
        }
        out.append(' ').append(uri);
        if (extensionAttributes != null) {
            out.append(' ').append(extensionAttributes);
        }
        return out.toString();
    }
}
