package dev.osprey.rtp.extension;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for the dependency descriptor: two descriptors in a row (the first may attach a structure the second
 * is resolved against); nothing may throw, resolved layers stay in range, and a resolved descriptor re-encodes to one
 * that reads back to the same frame.
 */
class DependencyDescriptorFuzzTest {

    @FuzzTest
    void read(FuzzedDataProvider data) {
        byte[] first = data.consumeBytes(data.consumeInt(0, 255));
        byte[] second = data.consumeRemainingAsBytes();
        DependencyDescriptor dd = new DependencyDescriptor();
        readOne(dd, first);
        readOne(dd, second);
    }

    private static void readOne(DependencyDescriptor dd, byte[] bytes) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length));
        try {
            buf.writeBytes(bytes);
            int status = dd.read(buf, 0, bytes.length);
            assertThat(status).isBetween(DependencyDescriptor.OK, DependencyDescriptor.UNKNOWN_TEMPLATE);
            if (status != DependencyDescriptor.OK) {
                return;
            }
            assertThat(dd.spatialId()).isBetween(0, DependencyStructure.MAX_SPATIAL_ID);
            assertThat(dd.temporalId()).isBetween(0, DependencyStructure.MAX_TEMPORAL_ID);
            int spatial = dd.spatialId();
            int temporal = dd.temporalId();
            int fdiffs = dd.fdiffCount();
            byte[] out = new byte[DependencyDescriptorWriter.MAX_LENGTH];
            int length = new DependencyDescriptorWriter().from(dd).write(out);
            ByteBuf again = PooledByteBufAllocator.DEFAULT.directBuffer(length);
            try {
                again.writeBytes(out, 0, length);
                assertThat(dd.read(again, 0, length)).isEqualTo(DependencyDescriptor.OK);
                assertThat(dd.spatialId()).isEqualTo(spatial);
                assertThat(dd.temporalId()).isEqualTo(temporal);
                assertThat(dd.fdiffCount()).isEqualTo(fdiffs);
            } finally {
                again.release();
            }
        } finally {
            buf.release();
        }
    }
}
