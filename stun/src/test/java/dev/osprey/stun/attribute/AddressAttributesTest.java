package dev.osprey.stun.attribute;

import dev.osprey.stun.StunHeader;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address layouts of RFC 8489 §14.1/§14.2 byte by byte, and the IPv4-mapped IPv6 corner. */
class AddressAttributesTest {
    private static final TransactionId TID = new TransactionId(0x0102030405060708L, 0x090A0B0C);

    @Test
    void xorMappedIpv4IsXoredWithTheCookie() throws Exception {
        ByteBuf out = Unpooled.buffer();
        try {
            new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                    .encodeValue(out, TID);
            // port 32853 ^ 0x2112 = 0xA147; 192.0.2.1 ^ 0x2112A442 = e1 12 a6 43 (as in RFC 5769 §2.2)
            assertThat(io.netty.buffer.ByteBufUtil.hexDump(out)).isEqualTo("0001a147e112a643");
        } finally {
            out.release();
        }
    }

    @Test
    void ipv4MappedIpv6KeepsItsFamily() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 1;
        InetSocketAddress address = new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 5000);
        ByteBuf out = Unpooled.buffer();
        try {
            new XorPeerAddress(address).encodeValue(out, TID);
            assertThat(out.getByte(1)).isEqualTo((byte) 2);
            XorPeerAddress back = XorPeerAddress.decode(out, 0, out.readableBytes(), TID);
            assertThat(back.address().getAddress()).isInstanceOf(Inet6Address.class);
            assertThat(back.address().getAddress().getAddress()).isEqualTo(mapped);
            assertThat(back.address().getPort()).isEqualTo(5000);
        } finally {
            out.release();
        }
    }

    @Test
    void plainAndXorLayoutsDiffer() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 1234);
        ByteBuf plain = Unpooled.buffer();
        ByteBuf xor = Unpooled.buffer();
        try {
            new MappedAddress(a).encodeValue(plain, TID);
            new XorMappedAddress(a).encodeValue(xor, TID);
            assertThat(plain.getUnsignedShort(2)).isEqualTo(1234);
            assertThat(xor.getUnsignedShort(2)).isEqualTo(1234 ^ (StunHeader.MAGIC_COOKIE >>> 16));
            assertThat(MappedAddress.decode(plain, 0, 8, TID).address()).isEqualTo(a);
            assertThat(XorMappedAddress.decode(xor, 0, 8, TID).address()).isEqualTo(a);
        } finally {
            plain.release();
            xor.release();
        }
    }

    @Test
    void unresolvedAddressesAreRefused() {
        assertThatThrownBy(() -> new XorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
