package dev.osprey.signaling.sdp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2): {@code <username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>}. WebRTC uses {@code -} as user name and bumps the version on every new description of the
 * same session (RFC 8829 §5.2.2).
 *
 * @param sessionId      numeric session id; any length of digits is allowed, leading zeros are not kept
 * @param sessionVersion numeric version
 */
public record Origin(String username, BigInteger sessionId, BigInteger sessionVersion, String netType,
                     String addressType, String unicastAddress) {

    private static final int MAX_DIGITS = 64;

    public Origin {
        Checks.lineText(username, "o= username");
        if (username.isEmpty() || username.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("o= username must be one non-empty word");
        }
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        if (sessionId.signum() < 0 || sessionVersion.signum() < 0) {
            throw new IllegalArgumentException("o= session id and version are unsigned");
        }
        Checks.token(netType, "o= nettype");
        Checks.token(addressType, "o= addrtype");
        Checks.byteString(unicastAddress, "o= unicast-address");
        if (unicastAddress.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("o= unicast-address must be one word");
        }
    }

    /** The origin WebRTC endpoints use: {@code - <id> <version> IN IP4 127.0.0.1}. */
    public static Origin of(long sessionId, long sessionVersion) {
        return new Origin("-", BigInteger.valueOf(sessionId), BigInteger.valueOf(sessionVersion), "IN", "IP4",
                "127.0.0.1");
    }

    /** The same session with the version incremented, for the next offer or answer. */
    public Origin nextVersion() {
        return new Origin(username, sessionId, sessionVersion.add(BigInteger.ONE), netType, addressType,
                unicastAddress);
    }

    /** Parses the text after {@code o=}. */
    public static Origin parse(String value) {
        SdpScanner s = new SdpScanner(value, "o=");
        String username = s.word("username");
        s.spaces("sess-id");
        BigInteger id = digits(s, "sess-id");
        s.spaces("sess-version");
        BigInteger version = digits(s, "sess-version");
        s.spaces("nettype");
        String netType = s.token("nettype");
        s.spaces("addrtype");
        String addressType = s.token("addrtype");
        s.spaces("unicast-address");
        String address = s.word("unicast-address");
        s.end();
        return new Origin(username, id, version, netType, addressType, address);
    }

    private static BigInteger digits(SdpScanner s, String what) {
        String digits = s.run(SdpScanner::isDigit, what);
        if (digits.length() > MAX_DIGITS) {
            throw s.fail(what + " has more than " + MAX_DIGITS + " digits");
        }
        return new BigInteger(digits);
    }

    /** The text after {@code o=}. */
    public String format() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addressType + ' '
                + unicastAddress;
    }
}
