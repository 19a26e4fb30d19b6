package dev.osprey.rtp.extension;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.osprey.rtp.TestBuffers.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderExtensionEditorTest {
    private static final String FIXED = "000100000002 00000003".replace(" ", "");
    private final TestBuffers bufs = new TestBuffers();
    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionEditor editor = new HeaderExtensionEditor();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    /** RFC 8285 §4.2 example layout: IDs 1 (1 byte), 2 (2 bytes), 3 (4 bytes), two padding bytes. */
    private ByteBuf rfcExample(String payload) {
        return bufs.hex("90 60" + FIXED + "be de 00 03 | 10 aa 21 bb | cc 00 00 33 | 01 02 03 04" + payload);
    }

    @Test
    void addsFirstElementByMovingThePayloadWhenThereIsNoHeadroom() {
        ByteBuf buf = bufs.hex("80 60" + FIXED + "01 02 03");
        packet.wrap(buf);
        editor.begin(packet).putInt(3, 0x1234, 2).apply();
        assertThat(hexOf(buf)).isEqualTo("9060" + FIXED + "bede0001" + "31123400" + "010203");
        assertThat(packet.offset()).isZero();
        assertThat(TransportSequenceNumber.read(packet, 3)).isEqualTo(0x1234);
    }

    @Test
    void addsByMovingTheHeaderIntoHeadroom() {
        ByteBuf buf = bufs.hex("00 00 00 00 00 00 00 00 | 80 60" + FIXED + "01 02 03");
        buf.readerIndex(8);
        packet.wrap(buf);
        int payloadBefore = packet.payloadOffset();
        editor.begin(packet).putInt(5, 0xABCDEF, 3).apply();
        assertThat(packet.offset()).isEqualTo(0);
        assertThat(buf.readerIndex()).isZero();
        assertThat(packet.payloadOffset()).isEqualTo(payloadBefore);
        assertThat(hexOf(buf)).isEqualTo("9060" + FIXED + "bede0001" + "52abcdef" + "010203");
    }

    @Test
    void removingTheLastElementDropsTheBlockAndTheXBit() {
        ByteBuf buf = bufs.hex("90 e0" + FIXED + "be de 00 01 | 31 12 34 00 | 01 02 03");
        packet.wrap(buf);
        editor.begin(packet).remove(3).apply();
        assertThat(hexOf(buf)).isEqualTo("80e0" + FIXED + "010203");
        assertThat(packet.offset()).isEqualTo(8);
        assertThat(packet.hasExtension()).isFalse();
        assertThat(packet.marker()).isTrue();
    }

    @Test
    void removesOneElementAndRepacks() {
        ByteBuf buf = rfcExample("ff");
        packet.wrap(buf);
        editor.begin(packet).remove(2).apply();
        assertThat(hexOf(buf)).isEqualTo("9060" + FIXED + "bede0002" + "10aa3301" + "02030400" + "ff");
        assertThat(packet.offset()).isEqualTo(4);
        assertThat(packet.extensionValueIndex(2)).isEqualTo(-1);
        assertThat(packet.payloadLength()).isEqualTo(1);
    }

    @Test
    void switchesToTwoByteFormWhenAnElementNeedsIt() {
        ByteBuf buf = bufs.hex("90 60" + FIXED + "be de 00 01 | 10 aa 00 00 | 77");
        packet.wrap(buf);
        editor.begin(packet).put(20, new byte[] {1, 2}).apply();
        // two-byte form: ID 1 L=1 aa, ID 20 L=2 01 02, padded to 8 bytes
        assertThat(hexOf(buf)).isEqualTo("9060" + FIXED + "10000002" + "0101aa14" + "02010200" + "77");
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        editor.begin(packet).remove(20).apply();
        assertThat(hexOf(buf)).isEqualTo("9060" + FIXED + "bede0001" + "10aa0000" + "77");
    }

    @Test
    void zeroLengthAndLongValuesNeedTheTwoByteForm() {
        ByteBuf buf = bufs.hex("80 60" + FIXED);
        packet.wrap(buf);
        editor.begin(packet).put(1, new byte[0]).apply();
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        assertThat(packet.extensionElementLength(packet.extensionValueIndex(1))).isZero();
        editor.begin(packet).remove(1).put(2, new byte[17]).apply();
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        assertThat(packet.extensionElementLength(packet.extensionValueIndex(2))).isEqualTo(17);
        assertThat(packet.extensionDataLength()).isEqualTo(20);
    }

    @Test
    void replacesAValueAndKeepsTheOthers() {
        ByteBuf buf = rfcExample("");
        packet.wrap(buf);
        editor.begin(packet).put(2, new byte[] {(byte) 0xdd, (byte) 0xee}).apply();
        assertThat(hexOf(buf, packet.extensionValueIndex(2), 2)).isEqualTo("ddee");
        assertThat(hexOf(buf, packet.extensionValueIndex(1), 1)).isEqualTo("aa");
        assertThat(hexOf(buf, packet.extensionValueIndex(3), 4)).isEqualTo("01020304");
    }

    @Test
    void renumbersToTheSubscribersIds() {
        ByteBuf buf = rfcExample("ff");
        packet.wrap(buf);
        int[] map = new int[16];
        map[1] = 7;
        map[3] = 20; // forces the two-byte form
        editor.begin(packet).renumber(map).apply();
        assertThat(packet.extensionForm()).isEqualTo(RtpPacket.FORM_TWO_BYTE);
        assertThat(hexOf(buf, packet.extensionIndex(), 16)).isEqualTo("10000003" + "0701aa14" + "04010203" + "04000000");
        assertThat(packet.extensionValueIndex(1)).isEqualTo(-1);
        assertThat(packet.extensionValueIndex(2)).isEqualTo(-1);
    }

    @Test
    void keepsThePaddingOfThePacket() {
        ByteBuf buf = bufs.hex("a0 60" + FIXED + "de ad 00 02");
        packet.wrap(buf);
        editor.begin(packet).putInt(1, 0x42, 1).apply();
        assertThat(packet.paddingLength()).isEqualTo(2);
        assertThat(hexOf(buf, packet.payloadOffset(), packet.payloadLength())).isEqualTo("dead");
    }

    @Test
    void editsAHeaderOnlyBindingOfAnEncryptedPacket() {
        ByteBuf buf = bufs.hex("a0 60" + FIXED + "5a 5a 5a 00");
        packet.wrapHeader(buf, 0, buf.readableBytes());
        editor.begin(packet).putInt(1, 0x42, 1).apply();
        assertThat(packet.payloadLength()).isEqualTo(4);
        assertThat(hexOf(buf)).endsWith("bede0001" + "10420000" + "5a5a5a00");
    }

    @Test
    void refusesWhatItCannotDo() {
        ByteBuf opaque = bufs.hex("90 60" + FIXED + "12 34 00 00");
        packet.wrap(opaque);
        assertThatThrownBy(() -> editor.begin(packet)).isInstanceOf(IllegalStateException.class);

        ByteBuf wider = bufs.hex("80 60" + FIXED + "ff");
        packet.wrap(wider, 0, 12);
        assertThatThrownBy(() -> editor.begin(packet)).isInstanceOf(IllegalStateException.class);

        ByteBuf full = bufs.allocate(13, 13);
        full.writeBytes(TestBuffers.decode("80 60" + FIXED + "ff"));
        packet.wrap(full);
        assertThatThrownBy(() -> editor.begin(packet).putInt(1, 1, 1).apply()).isInstanceOf(IllegalStateException.class);

        HeaderExtensionEditor fresh = new HeaderExtensionEditor();
        assertThatThrownBy(fresh::apply).isInstanceOf(IllegalStateException.class);
        packet.wrap(wider);
        assertThatThrownBy(() -> editor.begin(packet).put(0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> editor.begin(packet).put(256, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> editor.begin(packet).put(1, new byte[256])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> editor.begin(packet).putInt(1, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blanksAnElementWithoutMovingAnything() {
        ByteBuf buf = rfcExample("ff");
        packet.wrap(buf);
        assertThat(HeaderExtensionEditor.blank(packet, 2)).isTrue();
        assertThat(hexOf(buf, 16, 12)).isEqualTo("10aa0000" + "00000033" + "01020304");
        assertThat(packet.extensionValueIndex(2)).isEqualTo(-1);
        assertThat(packet.extensionValueIndex(3)).isEqualTo(24);
        assertThat(HeaderExtensionEditor.blank(packet, 9)).isFalse();
        packet.wrap(buf); // the blanked layout is still a valid packet
    }

    @Test
    void renumbersInPlaceWhenTheFormAllows() {
        ByteBuf buf = rfcExample("ff");
        packet.wrap(buf);
        int[] map = {0, 4, 0, 14};
        assertThat(HeaderExtensionEditor.renumberInPlace(packet, map)).isTrue();
        assertThat(hexOf(buf, 16, 12)).isEqualTo("40aa0000" + "000000e3" + "01020304");
        assertThat(packet.extensionValueIndex(1)).isEqualTo(-1); // the flyweight follows without a re-wrap
        assertThat(packet.extensionValueIndex(4)).isEqualTo(17);
        assertThat(packet.extensionValueIndex(14)).isEqualTo(24);

        int[] tooBig = new int[16];
        tooBig[4] = 15;
        assertThat(HeaderExtensionEditor.renumberInPlace(packet, tooBig)).isFalse();
        assertThat(hexOf(buf, 16, 12)).isEqualTo("40aa0000" + "000000e3" + "01020304");
    }

    @Test
    void elementCountFollowsTheEdit() {
        ByteBuf buf = rfcExample("");
        packet.wrap(buf);
        assertThat(editor.begin(packet).elementCount()).isEqualTo(3);
        assertThat(editor.remove(1).elementCount()).isEqualTo(2);
        assertThat(editor.put(9, new byte[] {1}).elementCount()).isEqualTo(3);
    }

    @Test
    void rewrapAfterApplyStillRejectsGarbage() {
        ByteBuf buf = bufs.hex("80 60" + FIXED);
        packet.wrap(buf);
        editor.begin(packet).putInt(1, 7, 1).apply();
        buf.setShort(14, 0x00FF); // corrupt the extension length
        assertThatThrownBy(() -> packet.wrap(buf)).isInstanceOf(MalformedPacketException.class);
    }
}
