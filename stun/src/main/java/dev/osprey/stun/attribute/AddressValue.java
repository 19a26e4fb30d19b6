package dev.osprey.stun.attribute;

import dev.osprey.stun.StunHeader;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The shared value layout of MAPPED-ADDRESS (RFC 8489 §14.1) and of the XOR variants (§14.2): a reserved byte, the
 * family, the port and the address; XOR-ed with the magic cookie (and, for IPv6, the transaction ID) when
 * {@code xor} is set, so that NATs rewriting addresses in payloads leave it alone.
 */
final class AddressValue {
    private AddressValue() {
    }

    static InetSocketAddress decode(String attribute, ByteBuf buf, int index, int length, TransactionId tid,
                                    boolean xor) {
        if (length < 4) {
            throw AttributeValues.malformed(attribute, "length " + length);
        }
        AddressFamily family = AddressFamily.ofCode(buf.getUnsignedByte(index + 1));
        if (family == null) {
            throw AttributeValues.malformed(attribute, "unknown address family " + buf.getUnsignedByte(index + 1));
        }
        AttributeValues.requireLength(attribute, length, 4 + family.addressLength());
        int port = buf.getUnsignedShort(index + 2);
        byte[] address = AttributeValues.bytes(buf, index + 4, family.addressLength());
        if (xor) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            xorAddress(address, tid);
        }
        return new InetSocketAddress(toInetAddress(family, address), port);
    }

    static void encode(ByteBuf out, InetSocketAddress address, TransactionId tid, boolean xor) {
        InetAddress ip = address.getAddress();
        AddressFamily family = AddressFamily.of(ip);
        byte[] bytes = ip.getAddress();
        int port = address.getPort();
        if (xor) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            xorAddress(bytes, tid);
        }
        out.writeByte(0);
        out.writeByte(family.code());
        out.writeShort(port);
        out.writeBytes(bytes);
    }

    static InetSocketAddress requireResolved(String attribute, InetSocketAddress address) {
        if (address == null || address.isUnresolved()) {
            throw new IllegalArgumentException(attribute + " needs a resolved address, got " + address);
        }
        return address;
    }

    /** XOR with the cookie, then (IPv6) with the 96-bit transaction ID, in place. */
    private static void xorAddress(byte[] address, TransactionId tid) {
        for (int i = 0; i < 4; i++) {
            address[i] ^= (byte) (StunHeader.MAGIC_COOKIE >>> (24 - 8 * i));
        }
        if (address.length == 16) {
            byte[] id = tid.toBytes();
            for (int i = 0; i < 12; i++) {
                address[4 + i] ^= id[i];
            }
        }
    }

    /**
     * IPv6 is built as {@link Inet6Address} even for an IPv4-mapped value, so the family survives a round trip
     * ({@code InetAddress.getByAddress} would turn ::ffff:a.b.c.d into an IPv4 address).
     */
    private static InetAddress toInetAddress(AddressFamily family, byte[] address) {
        try {
            return family == AddressFamily.IPV4
                    ? InetAddress.getByAddress(address)
                    : Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of checked length rejected", e);
        }
    }
}
