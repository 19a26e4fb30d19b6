package dev.osprey.signaling.sdp;

/**
 * {@code a=ice-pwd:<password>} (RFC 8839 §5.4): 22–256 ice-chars, the key of STUN short-term credentials. It is a
 * secret, so {@link #toString()} does not show it.
 */
public record IcePwd(String password) implements SdpAttribute {

    public static final String NAME = "ice-pwd";

    public IcePwd {
        checkIceChars(password, 22, 256, "ice-pwd");
    }

    /** Parses the attribute value (after {@code "ice-pwd:"}). */
    public static IcePwd parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=ice-pwd");
        String password = s.run(IcePwd::isIceChar, "password");
        s.end();
        return Checks.parsed("a=ice-pwd", () -> new IcePwd(password));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return password;
    }

    @Override
    public String toString() {
        return "IcePwd[" + password.length() + " chars]";
    }

    /** RFC 8839 §5.1 ice-char. */
    static boolean isIceChar(int c) {
        return SdpScanner.isAlphaNumeric(c) || c == '+' || c == '/';
    }

    static void checkIceChars(String value, int min, int max, String what) {
        if (value == null || value.length() < min || value.length() > max
                || !SdpScanner.all(value, IcePwd::isIceChar)) {
            throw new IllegalArgumentException(what + " must be " + min + "–" + max + " chars of [A-Za-z0-9+/]");
        }
    }
}
