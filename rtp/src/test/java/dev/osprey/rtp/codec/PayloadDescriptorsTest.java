package dev.osprey.rtp.codec;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payload descriptors against payloads hand-built from the RFC layouts (RFC 7741 §4.2, RFC 9628 §4.2, RFC 6184
 * §5.6-5.8, AV1 RTP spec §4.4-4.5, RFC 6716 §3.1, RFC 2198 §3); the comments give each derivation.
 */
class PayloadDescriptorsTest {
    private final TestBuffers bufs = new TestBuffers();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    private <T extends PayloadView> T wrap(T view, String hex) {
        ByteBuf buf = bufs.hex(hex);
        view.wrap(buf, 0, buf.readableBytes());
        return view;
    }

    @Test
    void vp8MinimalKeyframe() {
        // S=1 PID=0, then a VP8 payload header whose first byte has P=0 (key frame)
        Vp8Descriptor vp8 = wrap(new Vp8Descriptor(), "10 | 50 01 9d 01 2a");
        assertThat(vp8.startOfFrame()).isTrue();
        assertThat(vp8.isKeyframe()).isTrue();
        assertThat(vp8.hasPictureId()).isFalse();
        assertThat(vp8.pictureId()).isEqualTo(-1);
        assertThat(vp8.tl0PicIdx()).isEqualTo(-1);
        assertThat(vp8.temporalId()).isEqualTo(-1);
        assertThat(vp8.descriptorLength()).isEqualTo(1);
        assertThat(vp8.setPictureId(3)).isFalse();
        assertThat(vp8.setTl0PicIdx(3)).isFalse();
    }

    @Test
    void vp8FullDescriptorAndRewrite() {
        // X=1 S=1 | I L T | M=1 PictureID 42 | TL0PICIDX 5 | TID=2 Y=1 | payload with P=1 (inter frame)
        Vp8Descriptor vp8 = wrap(new Vp8Descriptor(), "90 e0 80 2a 05 a0 | 51");
        assertThat(vp8.extended()).isTrue();
        assertThat(vp8.longPictureId()).isTrue();
        assertThat(vp8.pictureId()).isEqualTo(42);
        assertThat(vp8.tl0PicIdx()).isEqualTo(5);
        assertThat(vp8.temporalId()).isEqualTo(2);
        assertThat(vp8.layerSync()).isTrue();
        assertThat(vp8.keyIdx()).isEqualTo(-1);
        assertThat(vp8.isKeyframe()).isFalse();
        assertThat(vp8.descriptorLength()).isEqualTo(6);
        assertThat(vp8.setPictureId(0x1234)).isTrue();
        assertThat(vp8.setTl0PicIdx(0x1ff)).isTrue();
        assertThat(TestBuffers.hexOf(vp8.buffer())).isEqualTo("90e09234ffa051");
        assertThat(vp8.pictureId()).isEqualTo(0x1234);
        assertThat(vp8.tl0PicIdx()).isEqualTo(0xff);
        vp8.setPictureId(0x8001); // wraps at 15 bits
        assertThat(vp8.pictureId()).isEqualTo(1);
    }

    @Test
    void vp8ShortPictureIdAndKeyIdx() {
        Vp8Descriptor vp8 = wrap(new Vp8Descriptor(), "80 80 7f | 00");
        assertThat(vp8.pictureId()).isEqualTo(127);
        assertThat(vp8.longPictureId()).isFalse();
        assertThat(vp8.startOfFrame()).isFalse();
        vp8.setPictureId(200);
        assertThat(vp8.pictureId()).isEqualTo(200 & 0x7F);
        Vp8Descriptor k = wrap(new Vp8Descriptor(), "a0 10 3f | 00"); // N=1, K only: KEYIDX 31, Y set
        assertThat(k.nonReference()).isTrue();
        assertThat(k.keyIdx()).isEqualTo(31);
        assertThat(k.temporalId()).isEqualTo(-1);
        assertThat(k.hasTidKeyIdx()).isTrue();
    }

    @Test
    void vp8FromAnRtpPacket() {
        ByteBuf buf = bufs.hex("80 60 00 01 00 00 00 02 00 00 00 03 | 90 80 80 07 | 50 00");
        RtpPacket packet = new RtpPacket().wrap(buf);
        Vp8Descriptor vp8 = new Vp8Descriptor();
        assertThat(vp8.tryWrap(packet)).isTrue();
        assertThat(vp8.offset()).isEqualTo(12);
        assertThat(vp8.pictureId()).isEqualTo(7);
        assertThat(vp8.isKeyframe()).isTrue();
    }

    @Test
    void vp9NonFlexibleKeyframeWithScalabilityStructure() {
        // I P=0 L F=0 B E V | M=1 PID 1 | TID0 U0 SID0 D0 | TL0PICIDX 7 | SS: N_S=0 Y G | 1280 x 720 | N_G=1 | TID0 U0 R0
        Vp9Descriptor vp9 = wrap(new Vp9Descriptor(), "ae | 80 01 | 00 | 07 | 18 | 05 00 02 d0 | 01 | 00 | aa");
        assertThat(vp9.isKeyframe()).isTrue();
        assertThat(vp9.flexible()).isFalse();
        assertThat(vp9.startOfFrame()).isTrue();
        assertThat(vp9.endOfFrame()).isTrue();
        assertThat(vp9.pictureId()).isEqualTo(1);
        assertThat(vp9.spatialId()).isZero();
        assertThat(vp9.temporalId()).isZero();
        assertThat(vp9.tl0PicIdx()).isEqualTo(7);
        assertThat(vp9.hasScalabilityStructure()).isTrue();
        assertThat(vp9.spatialLayerCount()).isEqualTo(1);
        assertThat(vp9.width(0)).isEqualTo(1280);
        assertThat(vp9.height(0)).isEqualTo(720);
        assertThat(vp9.pictureGroupCount()).isEqualTo(1);
        assertThat(vp9.descriptorLength()).isEqualTo(12);
        vp9.setPictureId(300);
        vp9.setTl0PicIdx(9);
        assertThat(TestBuffers.hexOf(vp9.buffer(), 0, 5)).isEqualTo("ae812c0009");
    }

    @Test
    void vp9FlexibleInterFrame() {
        // I P L F B Z | PID 5 (7 bits) | TID1 U1 SID1 D1 | P_DIFF 1 N=1 | P_DIFF 2 N=0 | payload
        Vp9Descriptor vp9 = wrap(new Vp9Descriptor(), "f9 | 05 | 33 | 03 04 | bb");
        assertThat(vp9.flexible()).isTrue();
        assertThat(vp9.interPicturePredicted()).isTrue();
        assertThat(vp9.notUpswitchReference()).isTrue();
        assertThat(vp9.temporalId()).isEqualTo(1);
        assertThat(vp9.switchingUpPoint()).isTrue();
        assertThat(vp9.spatialId()).isEqualTo(1);
        assertThat(vp9.interLayerDependency()).isTrue();
        assertThat(vp9.tl0PicIdx()).isEqualTo(-1);
        assertThat(vp9.pDiffCount()).isEqualTo(2);
        assertThat(vp9.pDiff(0)).isEqualTo(1);
        assertThat(vp9.pDiff(1)).isEqualTo(2);
        assertThat(vp9.isKeyframe()).isFalse();
        assertThat(vp9.setTl0PicIdx(1)).isFalse();
        assertThatThrownBy(() -> vp9.width(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void h264SingleStapAndFragments() {
        H264Payload idr = wrap(new H264Payload(), "65 88 84 00"); // F=0 NRI=3 type 5
        assertThat(idr.packetType()).isEqualTo(H264Payload.NAL_IDR);
        assertThat(idr.nalRefIdc()).isEqualTo(3);
        assertThat(idr.isKeyframe()).isTrue();

        H264Payload stap = wrap(new H264Payload(), "78 | 00 04 67 42 c0 1f | 00 02 68 ce"); // STAP-A: SPS, PPS
        assertThat(stap.packetType()).isEqualTo(H264Payload.STAP_A);
        assertThat(stap.nalUnitCount()).isEqualTo(2);
        assertThat(stap.startsNalUnitOfType(H264Payload.NAL_SPS)).isTrue();
        assertThat(stap.startsNalUnitOfType(H264Payload.NAL_PPS)).isTrue();
        assertThat(stap.isKeyframe()).isTrue();

        H264Payload fuStart = wrap(new H264Payload(), "7c 85 b8"); // FU-A, S=1, IDR
        assertThat(fuStart.startOfNalUnit()).isTrue();
        assertThat(fuStart.endOfNalUnit()).isFalse();
        assertThat(fuStart.fragmentedNalType()).isEqualTo(5);
        assertThat(fuStart.isKeyframe()).isTrue();

        H264Payload fuMiddle = wrap(new H264Payload(), "7c 05 aa");
        assertThat(fuMiddle.nalUnitCount()).isZero();
        assertThat(fuMiddle.isKeyframe()).isFalse();
        assertThat(wrap(new H264Payload(), "7c 45 aa").endOfNalUnit()).isTrue();

        H264Payload slice = wrap(new H264Payload(), "41 9a");
        assertThat(slice.isKeyframe()).isFalse();
        assertThat(slice.fragmentedNalType()).isEqualTo(-1);
    }

    @Test
    void av1AggregationHeaderAndElements() {
        // Z=0 Y=0 W=1 N=1, one element without length: OBU sequence header (type 1)
        Av1AggregationHeader keyframe = wrap(new Av1AggregationHeader(), "18 | 08 00 00");
        assertThat(keyframe.isKeyframe()).isTrue();
        assertThat(keyframe.obuCountField()).isEqualTo(1);
        assertThat(keyframe.elementCount()).isEqualTo(1);
        assertThat(keyframe.firstObuType()).isEqualTo(Av1AggregationHeader.OBU_SEQUENCE_HEADER);

        // W=0: two length-prefixed elements, an OBU_FRAME (0x32) and a temporal delimiter (0x10)
        Av1AggregationHeader two = wrap(new Av1AggregationHeader(), "00 | 02 32 00 | 01 10");
        assertThat(two.elementCount()).isEqualTo(2);
        assertThat(two.firstObuType()).isEqualTo(Av1AggregationHeader.OBU_FRAME);
        assertThat(two.isKeyframe()).isFalse();

        Av1AggregationHeader lastWithoutLength = wrap(new Av1AggregationHeader(), "20 | 01 10 | 30 aa bb");
        assertThat(lastWithoutLength.elementCount()).isEqualTo(2);

        // Z=1 Y=1: a middle fragment; a two-byte LEB128 length (0x80 0x01 = 128)
        Av1AggregationHeader middle = wrap(new Av1AggregationHeader(), "c0 | 80 01 " + "00".repeat(128));
        assertThat(middle.continuesObu()).isTrue();
        assertThat(middle.obuContinuesInNextPacket()).isTrue();
        assertThat(middle.firstObuType()).isEqualTo(-1);
    }

    @Test
    void opusTableOfContents() {
        ByteBuf buf = bufs.hex("78 | fc | fb 03 | fb 07 | 79 00 00 | 79 00 | 7a | 7b");
        int toc = buf.getUnsignedByte(0); // config 15: hybrid fullband 20 ms, mono, one frame
        assertThat(OpusToc.config(toc)).isEqualTo(15);
        assertThat(OpusToc.mode(toc)).isEqualTo(OpusToc.MODE_HYBRID);
        assertThat(OpusToc.stereo(toc)).isFalse();
        assertThat(OpusToc.packetDurationMicros(buf, 0, 1)).isEqualTo(20_000);
        int celt = buf.getUnsignedByte(1); // config 31: CELT fullband 20 ms, stereo
        assertThat(OpusToc.mode(celt)).isEqualTo(OpusToc.MODE_CELT);
        assertThat(OpusToc.stereo(celt)).isTrue();
        assertThat(OpusToc.mode(0x08)).isEqualTo(OpusToc.MODE_SILK);
        assertThat(OpusToc.frameCount(buf, 2, 2)).isEqualTo(3); // code 3, three 20 ms frames
        assertThat(OpusToc.packetDurationMicros(buf, 2, 2)).isEqualTo(60_000);
        assertThat(OpusToc.frameCount(buf, 4, 2)).isEqualTo(-1); // 7 x 20 ms > 120 ms
        assertThat(OpusToc.frameCount(buf, 6, 3)).isEqualTo(2); // code 1, two equal frames of one byte
        assertThat(OpusToc.frameCount(buf, 9, 2)).isEqualTo(-1); // code 1 with an odd byte count
        assertThat(OpusToc.frameCount(buf, 11, 1)).isEqualTo(-1); // code 2 without its length byte
        assertThat(OpusToc.frameCount(buf, 12, 1)).isEqualTo(-1); // code 3 without its count byte
        assertThat(OpusToc.frameCount(buf, 0, 0)).isEqualTo(-1);
        assertThat(OpusToc.packetDurationMicros(buf, 0, 0)).isEqualTo(-1);
    }

    @Test
    void redundantAudio() {
        // F=1 PT 111, timestamp offset 960, length 4 | F=0 PT 111 | 4 redundant bytes | 3 primary bytes
        RedPayload red = wrap(new RedPayload(), "ef 0f 00 04 | 6f | 01 02 03 04 | aa bb cc");
        assertThat(red.blockCount()).isEqualTo(2);
        assertThat(red.blockPayloadType(0)).isEqualTo(111);
        assertThat(red.blockTimestampOffset(0)).isEqualTo(960);
        assertThat(red.blockOffset(0)).isEqualTo(5);
        assertThat(red.blockLength(0)).isEqualTo(4);
        assertThat(red.primaryIndex()).isEqualTo(1);
        assertThat(red.blockOffset(1)).isEqualTo(9);
        assertThat(red.blockLength(1)).isEqualTo(3);
        assertThat(red.blockTimestampOffset(1)).isZero();

        ByteBuf out = bufs.allocate(16);
        RedPayload.writeRedundantHeader(out, 111, 960, 4);
        RedPayload.writePrimaryHeader(out, 111);
        assertThat(TestBuffers.hexOf(out)).isEqualTo("ef0f00046f");
        assertThatThrownBy(() -> RedPayload.writeRedundantHeader(out, 111, 1 << 14, 4))
                .isInstanceOf(IllegalArgumentException.class);

        RedPayload primaryOnly = wrap(new RedPayload(), "6f | aa");
        assertThat(primaryOnly.blockCount()).isEqualTo(1);
        assertThat(primaryOnly.blockLength(0)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "VP8, empty, ''",
        "VP8, X without the extension byte, 80",
        "VP8, I without a picture ID, 80 80",
        "VP8, 15-bit picture ID cut, 80 80 80",
        "VP8, L without TL0PICIDX, 90 40",
        "VP8, T without its byte, 90 20",
        "VP8, descriptor without payload, 10",
        "VP9, I without a picture ID, 80",
        "VP9, layer indices cut, 20",
        "VP9, four P_DIFFs, 50 03 03 03 00",
        "VP9, P_DIFF list cut, 50 03",
        "VP9, scalability structure resolutions cut, 02 18 05",
        "VP9, scalability structure group cut, 02 08",
        "VP9, descriptor without payload, 08",
        "H264, NAL type 0, 00 11",
        "H264, STAP-B, 79 00 01 65",
        "H264, FU-B, 7d 85 00",
        "H264, STAP-A without units, 78",
        "H264, STAP-A size field cut, 78 00",
        "H264, STAP-A unit of size zero, 78 00 00",
        "H264, STAP-A unit past the end, 78 00 05 67 42",
        "H264, FU-A without payload, 7c 85",
        "H264, FU-A with start and end, 7c c5 00",
        "AV1, N and Z both set, 88 00",
        "AV1, no element, 00",
        "AV1, element past the end, 00 05 10",
        "AV1, fewer elements than W, 20 01 10",
        "AV1, LEB128 length cut, 00 80",
        "AV1, LEB128 longer than 8 bytes, 00 ff ff ff ff ff ff ff ff 01",
        "RED, header cut, ef 0f",
        "RED, block past the end, ef 0f 00 09 6f 01",
        "RED, no primary header, ef 0f 00 04",
    })
    void rejectsMalformedPayloads(String codec, String why, String hex) {
        ByteBuf buf = bufs.hex(hex);
        PayloadView view = views(codec).get();
        assertThatThrownBy(() -> view.wrap(buf, 0, buf.readableBytes())).isInstanceOf(MalformedPacketException.class);
        assertThat(view.tryWrap(buf, 0, buf.readableBytes())).isFalse();
        assertThat(view.buffer()).isNull();
    }

    @Test
    void rejectsTooManyRedBlocks() {
        ByteBuf buf = bufs.hex("ef000000".repeat(RedPayload.MAX_BLOCKS) + "6f");
        assertThat(new RedPayload().tryWrap(buf, 0, buf.readableBytes())).isFalse();
    }

    private static Supplier<PayloadView> views(String codec) {
        return switch (codec) {
            case "VP8" -> Vp8Descriptor::new;
            case "VP9" -> Vp9Descriptor::new;
            case "H264" -> H264Payload::new;
            case "AV1" -> Av1AggregationHeader::new;
            case "RED" -> RedPayload::new;
            default -> throw new IllegalArgumentException(codec);
        };
    }
}
