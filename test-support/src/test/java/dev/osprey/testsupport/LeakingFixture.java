package dev.osprey.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/**
 * A test class that leaks on purpose. Its name does not match surefire's patterns, so it runs only inside
 * {@link LeakGuardTest}'s nested engine.
 */
class LeakingFixture {

    @Test
    void leaks() {
        leakOneBuffer();
    }

    static void leakOneBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(42);
        buf.touch("left behind by LeakingFixture");
        // not released: the buffer becomes unreachable when this frame returns
    }

    static void allocateAndRelease() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(42);
        buf.release();
    }
}
