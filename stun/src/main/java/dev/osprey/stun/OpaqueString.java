package dev.osprey.stun;

import java.text.Normalizer;

/**
 * The PRECIS OpaqueString profile (RFC 8265 §4.2) that RFC 8489 §9.1.1 and §9.2.2 apply to passwords and realms
 * before key derivation: non-ASCII spaces become U+0020, the string is normalised to NFC, and code points the
 * FreeformClass disallows (controls, unassigned) are refused, as is the empty string. ICE passwords (ice-char) and
 * TURN REST passwords (base64) pass unchanged.
 */
public final class OpaqueString {
    private OpaqueString() {
    }

    /** The prepared form of {@code value}; throws {@link IllegalArgumentException} for a disallowed string. */
    public static String prepare(String value) {
        StringBuilder mapped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                throw new IllegalArgumentException(String.format("code point U+%04X is not allowed by OpaqueString", cp));
            }
            mapped.appendCodePoint(type == Character.SPACE_SEPARATOR ? ' ' : cp);
        }
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFC);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("OpaqueString does not allow the empty string");
        }
        return normalized;
    }
}
