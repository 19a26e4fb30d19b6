package dev.osprey.turn.policy;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.Arrays;

/** An IPv4 or IPv6 address block such as {@code 127.0.0.0/8} or {@code fc00::/7}; parsing never resolves names. */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}; a bare address means a single host.
     *
     * @throws IllegalArgumentException when the text is not an IP literal with a prefix that fits its family
     */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = NetUtil.createByteArrayFromIpAddressString(addressText);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address block: '" + text + "'");
        }
        int maxPrefix = address.length * 8;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(trimmed.substring(slash + 1), maxPrefix, text);
        return new Cidr(mask(address, prefix), prefix, trimmed);
    }

    /** Whether {@code address} is inside this block (an address of the other family never is). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static int parsePrefix(String digits, int maxPrefix, String text) {
        int prefix;
        try {
            prefix = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
        }
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsKept = Math.clamp(prefix - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF00 >>> bitsKept);
        }
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
