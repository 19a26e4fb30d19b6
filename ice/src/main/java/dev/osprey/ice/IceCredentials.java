package dev.osprey.ice;

import java.security.SecureRandom;

/**
 * A username fragment and password (RFC 8445 §5.3, RFC 8839 §5.4): ice-char strings of 4–256 and 22–256
 * characters. The password is the short-term credential of every check this agent answers (RFC 8445 §7.2.2).
 */
public record IceCredentials(String ufrag, String password) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    public IceCredentials {
        requireIceChars("ufrag", ufrag, 4);
        requireIceChars("password", password, 22);
    }

    /**
     * Fresh credentials from a strong random source: 16 characters of ufrag (96 bits) and 32 of password (192 bits),
     * well above the RFC's minimum of 24 and 128 bits.
     */
    public static IceCredentials random() {
        return new IceCredentials(randomIceChars(16), randomIceChars(32));
    }

    private static String randomIceChars(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return sb.toString();
    }

    private static void requireIceChars(String what, String value, int min) {
        if (value == null || value.length() < min || value.length() > 256) {
            throw new IllegalArgumentException("ICE " + what + " must have " + min + "-256 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("ICE " + what + " has a character outside ice-char: "
                        + value.charAt(i));
            }
        }
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + "]";
    }
}
