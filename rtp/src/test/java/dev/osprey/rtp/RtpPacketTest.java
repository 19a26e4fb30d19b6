package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtpPacketTest {
    private final TestBuffers bufs = new TestBuffers();
    private final RtpPacket packet = new RtpPacket();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    @Test
    void readsEveryFixedHeaderField() {
        // RFC 3550 §5.1: V=2 P=0 X=0 CC=0 | M=1 PT=111 | seq 0x1234 | ts 0xDEADBEEF | SSRC 0x01020304
        ByteBuf buf = bufs.hex("80 ef 12 34 de ad be ef 01 02 03 04 | ca fe");
        packet.wrap(buf);
        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.hasPadding()).isFalse();
        assertThat(packet.hasExtension()).isFalse();
        assertThat(packet.csrcCount()).isZero();
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(111);
        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(0xDEADBEEF);
        assertThat(RtpTimestamp.unsigned(packet.timestamp())).isEqualTo(3735928559L);
        assertThat(packet.ssrc()).isEqualTo(0x01020304);
        assertThat(packet.headerLength()).isEqualTo(12);
        assertThat(packet.payloadOffset()).isEqualTo(12);
        assertThat(packet.payloadLength()).isEqualTo(2);
        assertThat(packet.extensionIndex()).isEqualTo(-1);
        assertThat(packet.extensionProfile()).isEqualTo(-1);
        assertThat(packet.firstExtensionElement()).isEqualTo(-1);
    }

    @Test
    void readsCsrcList() {
        ByteBuf buf = bufs.hex("82 60 00 01 00 00 00 02 00 00 00 03 | 11 11 11 11 | 22 22 22 22 | 99");
        packet.wrap(buf);
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.csrc(0)).isEqualTo(0x11111111);
        assertThat(packet.csrc(1)).isEqualTo(0x22222222);
        assertThat(packet.headerLength()).isEqualTo(20);
        assertThat(packet.payloadLength()).isEqualTo(1);
        packet.setCsrc(1, 0x33333333);
        assertThat(TestBuffers.hexOf(buf, 16, 4)).isEqualTo("33333333");
        assertThatThrownBy(() -> packet.csrc(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void oneByteExtensionsOfRfc8285Section42Example() {
        // The layout of the RFC 8285 §4.2 figure with IDs 1, 2, 3 and values chosen here: ID=1 L=0 (1 byte),
        // ID=2 L=1 (2 bytes), two padding bytes, ID=3 L=3 (4 bytes); length = 3 words.
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | be de 00 03 | 10 aa 21 bb | cc 00 00 33 | 01 02 03 04 | ff");
        packet.wrap(buf);
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_ONE_BYTE);
        assertThat(packet.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(packet.extensionDataLength()).isEqualTo(12);
        assertThat(packet.headerLength()).isEqualTo(28);
        assertThat(packet.payloadLength()).isEqualTo(1);
        assertElement(1, 17, 1, "aa");
        assertElement(2, 19, 2, "bbcc");
        assertElement(3, 24, 4, "01020304");
        assertThat(packet.extensionValueIndex(4)).isEqualTo(-1);
        assertThat(idsInOrder()).isEqualTo("1,2,3");
    }

    @Test
    void twoByteExtensionsOfRfc8285Section43Example() {
        // The layout of the RFC 8285 §4.3 figure: 0x1000, length 3; ID=1 L=0 (no data), ID=2 L=1, one padding
        // byte, ID=3 L=4.
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | 10 00 00 03 | 01 00 02 01 | bb 00 03 04 | 01 02 03 04");
        packet.wrap(buf);
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        assertElement(1, 18, 0, "");
        assertElement(2, 20, 1, "bb");
        assertElement(3, 24, 4, "01020304");
        assertThat(packet.payloadLength()).isZero();
        assertThat(idsInOrder()).isEqualTo("1,2,3");
    }

    @Test
    void twoByteFormAcceptsAnyAppBits() {
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | 10 0f 00 01 | ff 01 07 00");
        packet.wrap(buf);
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        assertElement(255, 18, 1, "07");
    }

    @Test
    void findsElementsBeyondTheRememberedOnes() {
        // two-byte form, 20 zero-length elements with IDs 1..20 (40 bytes), then ID 21 with one byte and a padding
        // byte: 44 bytes = 11 words
        StringBuilder block = new StringBuilder("1000000b");
        for (int id = 1; id <= 20; id++) {
            block.append(String.format("%02x00", id));
        }
        block.append("1501aa00");
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03" + block);
        packet.wrap(buf);
        assertThat(packet.extensionElementLength(packet.extensionValueIndex(20))).isZero();
        int v = packet.extensionValueIndex(21);
        assertThat(packet.extensionElementLength(v)).isEqualTo(1);
        assertThat(TestBuffers.hexOf(buf, v, 1)).isEqualTo("aa");
        assertThat(packet.extensionValueIndex(22)).isEqualTo(-1);
        packet.rescanExtensions();
        assertThat(packet.extensionValueIndex(21)).isEqualTo(v);

        int[] map = new int[256];
        for (int id = 2; id <= 20; id++) {
            map[id] = id;
        }
        map[21] = 30; // and ID 1 is dropped
        int[] invalid = map.clone();
        invalid[5] = -1;
        assertThat(packet.renumberExtensionsInPlace(invalid)).isFalse();
        assertThat(packet.extensionValueIndex(5)).isNotNegative();
        assertThat(packet.renumberExtensionsInPlace(map)).isTrue();
        assertThat(packet.extensionValueIndex(1)).isEqualTo(-1);
        assertThat(packet.extensionValueIndex(30)).isEqualTo(v);
        assertThat(packet.blankExtension(30)).isTrue();
        assertThat(packet.blankExtension(30)).isFalse();
        assertThat(packet.extensionValueIndex(30)).isEqualTo(-1);
        assertThat(TestBuffers.hexOf(buf, v - 2, 3)).isEqualTo("000000");
        packet.wrap(buf);
        assertThat(packet.extensionValueIndex(20)).isNotNegative();
    }

    @Test
    void zeroLengthExtensionIsValidAndEmpty() {
        // RFC 3550 §5.3.1: "zero is a valid length".
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | be de 00 00 | 01");
        packet.wrap(buf);
        assertThat(packet.headerLength()).isEqualTo(16);
        assertThat(packet.extensionDataLength()).isZero();
        assertThat(packet.firstExtensionElement()).isEqualTo(-1);
        assertThat(packet.payloadLength()).isEqualTo(1);
    }

    @Test
    void oneByteId15StopsProcessing() {
        // RFC 8285 §4.2: ID 15 ends processing; what follows (here a length that would overflow) is ignored.
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | be de 00 01 | 10 aa ff 30");
        packet.wrap(buf);
        assertThat(idsInOrder()).isEqualTo("1");
        assertThat(packet.extensionValueIndex(3)).isEqualTo(-1);
    }

    @Test
    void otherProfilesAreOpaque() {
        ByteBuf buf = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | 12 34 00 01 | ff ff ff ff | 77");
        packet.wrap(buf);
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_NONE);
        assertThat(packet.extensionProfile()).isEqualTo(0x1234);
        assertThat(packet.extensionValueIndex(1)).isEqualTo(-1);
        assertThat(packet.payloadLength()).isEqualTo(1);
    }

    @Test
    void paddingIsExcludedFromPayload() {
        ByteBuf buf = bufs.hex("a0 60 00 01 00 00 00 02 00 00 00 03 | de ad be ef | 00 00 00 04");
        packet.wrap(buf);
        assertThat(packet.hasPadding()).isTrue();
        assertThat(packet.paddingLength()).isEqualTo(4);
        assertThat(packet.payloadLength()).isEqualTo(4);
    }

    @Test
    void paddingMayFillTheWholePayload() {
        ByteBuf buf = bufs.hex("a0 60 00 01 00 00 00 02 00 00 00 03 | 00 00 03");
        packet.wrap(buf);
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.paddingLength()).isEqualTo(3);
    }

    @Test
    void wrapHeaderLeavesEncryptedPaddingAlone() {
        // An SRTP packet: the padding count is ciphertext (here 0x00, which wrap() would reject).
        ByteBuf buf = bufs.hex("a0 60 00 01 00 00 00 02 00 00 00 03 | 5a 5a 5a 00");
        assertThat(packet.tryWrap(buf)).isFalse();
        packet.wrapHeader(buf, 0, buf.readableBytes());
        assertThat(packet.hasPadding()).isTrue();
        assertThat(packet.paddingLength()).isZero();
        assertThat(packet.payloadLength()).isEqualTo(4);
        assertThat(packet.ssrc()).isEqualTo(3);
    }

    @Test
    void wrapsAtAnOffsetInsideALargerBuffer() {
        ByteBuf buf = bufs.hex("ff ff ff | 80 60 ab cd 00 00 00 02 00 00 00 03 | 01 02 | ee ee");
        packet.wrap(buf, 3, 14);
        assertThat(packet.offset()).isEqualTo(3);
        assertThat(packet.sequenceNumber()).isEqualTo(0xABCD);
        assertThat(packet.payloadOffset()).isEqualTo(15);
        assertThat(packet.payloadLength()).isEqualTo(2);
        assertThat(RtpPacket.headerLength(buf, 3, 14)).isEqualTo(12);
    }

    @Test
    void rewritesHeaderFieldsInPlace() {
        ByteBuf buf = bufs.hex("80 e0 00 01 00 00 00 02 00 00 00 03 | 99");
        packet.wrap(buf);
        packet.setSsrc(0xCAFEBABE);
        packet.setSequenceNumber(0xFFFF);
        packet.setTimestamp(0x80000001);
        packet.setPayloadType(100);
        assertThat(TestBuffers.hexOf(buf)).isEqualTo("80e4ffff80000001cafebabe99");
        assertThat(packet.marker()).isTrue();
        packet.setMarker(false);
        assertThat(TestBuffers.hexOf(buf, 0, 2)).isEqualTo("8064");
        packet.setMarker(true);
        assertThat(packet.payloadType()).isEqualTo(100);
        assertThatThrownBy(() -> packet.setPayloadType(128)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "truncated fixed header, 80 60 00 01 00 00 00 02 00 00 00",
        "version 1, 40 60 00 01 00 00 00 02 00 00 00 03",
        "version 0, 00 60 00 01 00 00 00 02 00 00 00 03",
        "CSRC count past the end, 83 60 00 01 00 00 00 02 00 00 00 03 11 11 11 11 22 22 22 22",
        "extension header past the end, 90 60 00 01 00 00 00 02 00 00 00 03 be de",
        "extension length past the end, 90 60 00 01 00 00 00 02 00 00 00 03 be de 00 02 10 aa 00 00",
        "one-byte element past the block, 90 60 00 01 00 00 00 02 00 00 00 03 be de 00 01 13 aa bb cc",
        "one-byte element header last in the block, 90 60 00 01 00 00 00 02 00 00 00 03 be de 00 01 00 00 00 10",
        "two-byte element header cut by the block, 90 60 00 01 00 00 00 02 00 00 00 03 10 00 00 01 00 00 00 05",
        "two-byte element past the block, 90 60 00 01 00 00 00 02 00 00 00 03 10 00 00 01 05 03 aa bb",
        "padding count zero, a0 60 00 01 00 00 00 02 00 00 00 03 01 02 03 00",
        "padding larger than the payload, a0 60 00 01 00 00 00 02 00 00 00 03 01 02 03 05",
        "padding bit without payload, a0 60 00 01 00 00 00 02 00 00 00 03",
        "padding into the extension, b0 60 00 01 00 00 00 02 00 00 00 03 be de 00 01 10 aa 00 00 09",
    })
    void rejectsMalformedPackets(String why, String hex) {
        ByteBuf buf = bufs.hex(hex);
        assertThatThrownBy(() -> packet.wrap(buf)).isInstanceOf(MalformedPacketException.class);
        assertThat(packet.buffer()).isNull();
        assertThat(packet.tryWrap(buf)).isFalse();
    }

    @Test
    void rejectsARangeOutsideTheBuffer() {
        ByteBuf buf = bufs.hex("80 60 00 01 00 00 00 02 00 00 00 03");
        assertThat(packet.tryWrap(buf, 1, 12)).isFalse();
        assertThat(packet.tryWrap(buf, -1, 12)).isFalse();
        assertThatThrownBy(() -> packet.wrap(buf, 0, 1000)).isInstanceOf(MalformedPacketException.class);
        assertThat(RtpPacket.headerLength(buf, 1, 12)).isEqualTo(-1);
        assertThat(RtpPacket.headerLength(buf, 0, 11)).isEqualTo(-1);
    }

    @Test
    void headerLengthWithoutBindingCountsCsrcsAndExtension() {
        ByteBuf buf = bufs.hex("91 60 00 01 00 00 00 02 00 00 00 03 | 11 11 11 11 | be de 00 01 | 10 aa 00 00 | 42");
        assertThat(RtpPacket.headerLength(buf, 0, buf.readableBytes())).isEqualTo(24);
        packet.wrap(buf);
        assertThat(packet.headerLength()).isEqualTo(24);
        assertThat(packet.extensionIndex()).isEqualTo(16);
    }

    @Test
    void rebindingForgetsThePreviousPacket() {
        ByteBuf first = bufs.hex("90 60 00 01 00 00 00 02 00 00 00 03 | be de 00 01 | 10 aa 00 00");
        ByteBuf second = bufs.hex("80 60 00 02 00 00 00 02 00 00 00 03");
        packet.wrap(first);
        packet.wrap(second);
        assertThat(packet.extensionIndex()).isEqualTo(-1);
        assertThat(packet.extensionValueIndex(1)).isEqualTo(-1);
        assertThat(packet.sequenceNumber()).isEqualTo(2);
        assertThat(packet.toString()).contains("seq=2");
    }

    private void assertElement(int id, int valueIndex, int length, String valueHex) {
        int v = packet.extensionValueIndex(id);
        assertThat(v).as("value index of id %d", id).isEqualTo(valueIndex);
        assertThat(packet.extensionElementId(v)).isEqualTo(id);
        assertThat(packet.extensionElementLength(v)).isEqualTo(length);
        assertThat(TestBuffers.hexOf(packet.buffer(), v, length)).isEqualTo(valueHex);
    }

    private String idsInOrder() {
        StringBuilder ids = new StringBuilder();
        for (int v = packet.firstExtensionElement(); v >= 0; v = packet.nextExtensionElement(v)) {
            ids.append(ids.isEmpty() ? "" : ",").append(packet.extensionElementId(v));
        }
        return ids.toString();
    }
}
