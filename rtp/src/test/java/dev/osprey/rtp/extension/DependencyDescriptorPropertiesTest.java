package dev.osprey.rtp.extension;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Random structures and frames: what the writer encodes, the reader decodes to the same fields. */
class DependencyDescriptorPropertiesTest {

    @Property(tries = 300)
    void writeThenReadGivesTheSameFields(@ForAll long seed) {
        Random random = new Random(seed);
        DependencyStructure s = randomStructure(random);
        int template = random.nextInt(s.templateCount());
        DependencyDescriptorWriter writer = new DependencyDescriptorWriter()
                .frame(s, random.nextBoolean(), random.nextBoolean(), (s.templateIdOffset() + template) % 64,
                        random.nextInt(65536))
                .attachStructure(true);
        int active = random.nextInt() & (int) ((1L << s.decodeTargetCount()) - 1);
        boolean withActive = random.nextBoolean();
        if (withActive) {
            writer.activeDecodeTargets(active);
        }
        long customDtis = random.nextLong() & DependencyStructure.dtiMask(s.decodeTargetCount());
        boolean withDtis = random.nextBoolean();
        if (withDtis) {
            writer.customDtis(customDtis);
        }
        int[] fdiffs = random.ints(random.nextInt(5), 1, 4097).toArray();
        boolean withFdiffs = random.nextBoolean();
        if (withFdiffs) {
            writer.customFdiffs(fdiffs);
        }
        int[] chains = random.ints(s.chainCount(), 0, 256).toArray();
        boolean withChains = random.nextBoolean();
        if (withChains) {
            writer.customChains(chains);
        }
        byte[] out = new byte[DependencyDescriptorWriter.MAX_LENGTH];
        int length = writer.write(out);

        DependencyDescriptor dd = new DependencyDescriptor();
        ByteBuf buf = Unpooled.wrappedBuffer(out, 0, length);
        assertThat(dd.read(buf, 0, length)).isEqualTo(DependencyDescriptor.OK);
        assertSameStructure(dd.structure(), s);
        assertThat(dd.spatialId()).isEqualTo(s.spatialId(template));
        assertThat(dd.temporalId()).isEqualTo(s.temporalId(template));
        assertThat(dd.activeDecodeTargets()).isEqualTo(withActive ? active : (int) ((1L << s.decodeTargetCount()) - 1));
        for (int dt = 0; dt < s.decodeTargetCount(); dt++) {
            long expected = withDtis ? customDtis : s.dtis(template);
            assertThat(dd.decodeTargetIndication(dt)).isEqualTo((int) (expected >>> (2 * dt)) & 3);
        }
        int[] expectedFdiffs = withFdiffs ? fdiffs : fdiffsOf(s, template);
        assertThat(dd.fdiffCount()).isEqualTo(expectedFdiffs.length);
        for (int i = 0; i < expectedFdiffs.length; i++) {
            assertThat(dd.fdiff(i)).isEqualTo(expectedFdiffs[i]);
        }
        for (int c = 0; c < s.chainCount(); c++) {
            assertThat(dd.chainFdiff(c)).isEqualTo(withChains ? chains[c] : s.chainFdiff(template, c));
        }
    }

    static DependencyStructure randomStructure(Random random) {
        // bounded so that the whole descriptor fits the 255 bytes of a two-byte header element
        int targets = 1 + random.nextInt(random.nextBoolean() ? 4 : 32);
        int chains = random.nextInt(Math.min(targets, 4) + 1);
        int[] protectedBy = random.ints(targets, 0, Math.max(1, chains)).toArray();
        DependencyStructure s = new DependencyStructure().reset(random.nextInt(64), targets).setChains(chains, protectedBy);
        int spatial = 0;
        int temporal = 0;
        int templates = 1 + random.nextInt(targets > 16 ? 3 : 8);
        for (int t = 0; t < templates; t++) {
            if (t > 0) {
                int step = random.nextInt(3);
                if (step == 1 && temporal < DependencyStructure.MAX_TEMPORAL_ID) {
                    temporal++;
                } else if (step == 2 && spatial < DependencyStructure.MAX_SPATIAL_ID) {
                    spatial++;
                    temporal = 0;
                }
            }
            s.addTemplate(spatial, temporal, random.nextLong(), random.ints(random.nextInt(4), 1, 17).toArray(),
                    random.ints(chains, 0, 16).toArray());
        }
        if (random.nextBoolean()) {
            for (int sid = 0; sid <= spatial; sid++) {
                s.setResolution(sid, 1 + random.nextInt(65536), 1 + random.nextInt(65536));
            }
        }
        return s;
    }

    private static int[] fdiffsOf(DependencyStructure s, int template) {
        int[] f = new int[s.fdiffCount(template)];
        for (int i = 0; i < f.length; i++) {
            f[i] = s.fdiff(template, i);
        }
        return f;
    }

    private static void assertSameStructure(DependencyStructure actual, DependencyStructure expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.templateIdOffset()).isEqualTo(expected.templateIdOffset());
        for (int t = 0; t < expected.templateCount(); t++) {
            assertThat(actual.dtis(t)).isEqualTo(expected.dtis(t));
            for (int c = 0; c < expected.chainCount(); c++) {
                assertThat(actual.chainFdiff(t, c)).isEqualTo(expected.chainFdiff(t, c));
            }
        }
        for (int dt = 0; expected.chainCount() > 0 && dt < expected.decodeTargetCount(); dt++) {
            assertThat(actual.decodeTargetProtectedBy(dt)).isEqualTo(expected.decodeTargetProtectedBy(dt));
        }
        assertThat(actual.resolutionsPresent()).isEqualTo(expected.resolutionsPresent());
        for (int sid = 0; expected.resolutionsPresent() && sid <= expected.maxSpatialId(); sid++) {
            assertThat(actual.maxRenderWidth(sid)).isEqualTo(expected.maxRenderWidth(sid));
            assertThat(actual.maxRenderHeight(sid)).isEqualTo(expected.maxRenderHeight(sid));
        }
    }
}
