package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyDescriptorTest {
    private static final Map<String, String> VECTORS =
            TestBuffers.vectors(DependencyDescriptorTest.class, "dependency-descriptor-l1t2.txt");
    private static final int ID = 4;

    private final TestBuffers bufs = new TestBuffers();
    private final RtpPacket packet = new RtpPacket();
    private final DependencyDescriptor dd = new DependencyDescriptor();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    /** An RTP packet carrying the named descriptor as element {@link #ID}, two-byte form so any length fits. */
    private RtpPacket packetWith(String vector) {
        byte[] value = TestBuffers.decode(VECTORS.get(vector));
        ByteBuf buf = bufs.allocate(64);
        RtpPacket.writeFixedHeader(buf, false, 35, 1, 2, 3);
        RtpPacket p = packet.wrap(buf);
        new HeaderExtensionEditor().begin(p).put(ID, value).apply();
        return p;
    }

    private int read(String vector) {
        return dd.read(packetWith(vector), ID);
    }

    @Test
    void readsTheAttachedStructureOfAKeyframe() {
        assertThat(read("keyframe")).isEqualTo(DependencyDescriptor.OK);
        assertThat(dd.structureAttached()).isTrue();
        DependencyStructure s = dd.structure();
        assertThat(s.templateIdOffset()).isZero();
        assertThat(s.decodeTargetCount()).isEqualTo(2);
        assertThat(s.templateCount()).isEqualTo(3);
        assertThat(new int[] {s.spatialId(0), s.temporalId(0), s.spatialId(1), s.temporalId(1), s.spatialId(2), s.temporalId(2)})
                .containsExactly(0, 0, 0, 0, 0, 1);
        assertThat(s.dtis(0)).isEqualTo(0b1010);
        assertThat(s.dtis(2)).isEqualTo(0b0100);
        assertThat(s.fdiffCount(0)).isZero();
        assertThat(s.fdiff(1, 0)).isEqualTo(2);
        assertThat(s.fdiff(2, 0)).isEqualTo(1);
        assertThat(s.chainCount()).isEqualTo(1);
        assertThat(s.decodeTargetProtectedBy(0)).isZero();
        assertThat(s.decodeTargetProtectedBy(1)).isZero();
        assertThat(new int[] {s.chainFdiff(0, 0), s.chainFdiff(1, 0), s.chainFdiff(2, 0)}).containsExactly(0, 2, 1);
        assertThat(s.maxRenderWidth(0)).isEqualTo(640);
        assertThat(s.maxRenderHeight(0)).isEqualTo(360);
        assertThat(s.maxSpatialId()).isZero();
        assertThat(s.maxTemporalId()).isEqualTo(1);

        assertThat(dd.startOfFrame()).isTrue();
        assertThat(dd.endOfFrame()).isTrue();
        assertThat(dd.frameNumber()).isEqualTo(1);
        assertThat(dd.spatialId()).isZero();
        assertThat(dd.temporalId()).isZero();
        assertThat(dd.isKeyframe()).isTrue();
        assertThat(dd.activeDecodeTargets()).isEqualTo(0b11);
        assertThat(dd.decodeTargetIndication(0)).isEqualTo(2);
        assertThat(dd.chainFdiff(0)).isZero();
    }

    @Test
    void resolvesLaterDescriptorsAgainstTheStructure() {
        read("keyframe");
        assertThat(read("t1")).isEqualTo(DependencyDescriptor.OK);
        assertThat(dd.structureAttached()).isFalse();
        assertThat(dd.temporalId()).isEqualTo(1);
        assertThat(dd.isKeyframe()).isFalse();
        assertThat(dd.fdiffCount()).isEqualTo(1);
        assertThat(dd.fdiff(0)).isEqualTo(1);
        assertThat(dd.decodeTargetIndication(0)).isZero();
        assertThat(dd.decodeTargetIndication(1)).isEqualTo(1);
        assertThat(dd.chainFdiff(0)).isEqualTo(1);

        assertThat(read("t0_delta")).isEqualTo(DependencyDescriptor.OK);
        assertThat(dd.startOfFrame()).isTrue();
        assertThat(dd.endOfFrame()).isFalse();
        assertThat(dd.temporalId()).isZero();
        assertThat(dd.fdiff(0)).isEqualTo(2);
        assertThat(dd.frameNumber()).isEqualTo(3);
    }

    @Test
    void readsCustomFrameDiffsOfEveryWidth() {
        read("keyframe");
        assertThat(read("custom_fdiffs")).isEqualTo(DependencyDescriptor.OK);
        assertThat(dd.fdiffCount()).isEqualTo(2);
        assertThat(dd.fdiff(0)).isEqualTo(2);
        assertThat(dd.fdiff(1)).isEqualTo(300);
        assertThat(dd.temporalId()).isZero();
    }

    @Test
    void reportsWhatCannotBeResolved() {
        assertThat(read("t1")).isEqualTo(DependencyDescriptor.NO_STRUCTURE);
        assertThat(dd.frameNumber()).isEqualTo(2);
        assertThat(dd.spatialId()).isEqualTo(-1);
        assertThat(dd.structure()).isNull();

        read("keyframe");
        assertThat(read("unknown_template")).isEqualTo(DependencyDescriptor.UNKNOWN_TEMPLATE);
        assertThat(dd.templateId()).isEqualTo(5);
        assertThat(dd.temporalId()).isEqualTo(-1);

        assertThat(read("truncated_structure")).isEqualTo(DependencyDescriptor.MALFORMED);
        assertThat(dd.structure().templateCount()).isEqualTo(3); // the known structure survives
        assertThat(dd.read(packetWith("t1"), ID + 1)).isEqualTo(DependencyDescriptor.ABSENT);

        ByteBuf two = bufs.hex("c2 00");
        assertThat(dd.read(two, 0, 2)).isEqualTo(DependencyDescriptor.MALFORMED);
        dd.reset();
        assertThat(read("t1")).isEqualTo(DependencyDescriptor.NO_STRUCTURE);
    }

    @Test
    void buildsTheSameStructureBytesAsTheVector() {
        DependencyStructure s = new DependencyStructure().reset(0, 2).setChains(1, new int[] {0, 0})
                .addTemplate(0, 0, 0b1010, new int[0], new int[] {0})
                .addTemplate(0, 0, 0b1010, new int[] {2}, new int[] {2})
                .addTemplate(0, 1, 0b0100, new int[] {1}, new int[] {1})
                .setResolution(0, 640, 360);
        byte[] out = new byte[DependencyDescriptorWriter.MAX_LENGTH];
        int length = new DependencyDescriptorWriter().frame(s, true, true, 0, 1).attachStructure(true).write(out);
        assertThat(HexFormat.of().formatHex(out, 0, length)).isEqualTo(VECTORS.get("keyframe"));

        length = new DependencyDescriptorWriter().frame(s, true, true, 1, 4).customFdiffs(new int[] {2, 300}).write(out);
        assertThat(HexFormat.of().formatHex(out, 0, length)).isEqualTo(VECTORS.get("custom_fdiffs"));

        length = new DependencyDescriptorWriter().frame(s, true, true, 2, 2).write(out);
        assertThat(HexFormat.of().formatHex(out, 0, length)).isEqualTo(VECTORS.get("t1"));
    }

    @Test
    void reencodesWhatItReadAndRewritesTheActiveDecodeTargets() {
        byte[] out = new byte[DependencyDescriptorWriter.MAX_LENGTH];
        DependencyDescriptorWriter writer = new DependencyDescriptorWriter();
        read("keyframe");
        int length = writer.from(dd).write(out);
        assertThat(HexFormat.of().formatHex(out, 0, length)).isEqualTo(VECTORS.get("keyframe"));

        read("t1");
        length = writer.from(dd).activeDecodeTargets(0b01).write(out);
        ByteBuf rewritten = bufs.bytes(java.util.Arrays.copyOf(out, length));
        assertThat(dd.read(rewritten, 0, length)).isEqualTo(DependencyDescriptor.OK);
        assertThat(dd.activeDecodeTargetsPresent()).isTrue();
        assertThat(dd.activeDecodeTargets()).isEqualTo(0b01);
        assertThat(dd.temporalId()).isEqualTo(1);
    }
}
