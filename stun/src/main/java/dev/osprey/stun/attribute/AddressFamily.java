package dev.osprey.stun.attribute;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The address families of STUN address attributes (RFC 8489 §14.1): a closed set of two. */
public enum AddressFamily {
    IPV4(0x01, 4),
    IPV6(0x02, 16);

    private final int code;
    private final int addressLength;

    AddressFamily(int code, int addressLength) {
        this.code = code;
        this.addressLength = addressLength;
    }

    public int code() {
        return code;
    }

    public int addressLength() {
        return addressLength;
    }

    /** The family for a wire code, or {@code null} for an unknown one. */
    public static AddressFamily ofCode(int code) {
        return switch (code) {
            case 0x01 -> IPV4;
            case 0x02 -> IPV6;
            default -> null;
        };
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }
}
