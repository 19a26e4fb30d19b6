package dev.osprey.signaling.sdp;

/**
 * An attribute without a class of its own ({@code a=msid-semantic}, {@code a=rtcp}, {@code a=rtcp-xr}, …), kept
 * verbatim so that writing the description back loses nothing (RFC 8866 §5.13: unknown attributes are ignored,
 * not dropped, by a relaying parser).
 *
 * @param value the text after the first {@code :} exactly as written (may be empty or start with a space), or
 *              {@code null} for a property attribute
 */
public record UnknownAttribute(String name, String value) implements SdpAttribute {

    public UnknownAttribute {
        Checks.token(name, "attribute name");
        if (value != null) {
            Checks.lineText(value, "attribute value");
        }
    }

    @Override
    public String attributeName() {
        return name;
    }

    @Override
    public String attributeValue() {
        return value;
    }
}
