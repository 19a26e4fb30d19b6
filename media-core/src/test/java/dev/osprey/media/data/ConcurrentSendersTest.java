package dev.osprey.media.data;

import dev.osprey.media.api.DataBufferLimits;
import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaTicker;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads sending toward one participant whose channels never open, on a real event loop: the hand-off
 * accounting keeps the bounds (lossy dropped, reliable queue overflowing into exactly one disconnection), and every
 * message is accounted for: queued and released at close, or dropped at once (the leak guard checks the buffers).
 */
class ConcurrentSendersTest {
    @Test
    void everyMessageIsQueuedOrDroppedExactlyOnceAndTheDisconnectionHappensOnce() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        AtomicInteger disconnects = new AtomicInteger();
        ParticipantDataPath path = new ParticipantDataPath(new MediaLoop(loop, new MediaTicker(System::nanoTime),
                System::nanoTime), "room", "PA_x", "x", ParticipantPermission.DEFAULT, disconnects::incrementAndGet);
        RecordingDataListener listener = new RecordingDataListener();
        path.listen(listener);
        path.limits(new DataBufferLimits(64 * 1024, 4096, 4096));
        int threads = 4;
        int perThread = 500;
        AtomicLong accepted = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    DataReliability r = i % 2 == 0 ? DataReliability.RELIABLE : DataReliability.LOSSY;
                    if (path.send(PooledByteBufAllocator.DEFAULT.buffer().writeZero(100), r)) {
                        accepted.incrementAndGet();
                    }
                }
            });
            senders.add(sender);
            sender.start();
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        loop.submit(() -> { }).get(5, TimeUnit.SECONDS); // every hand-off has run
        loop.submit(() -> { }).get(5, TimeUnit.SECONDS); // and the disconnection it scheduled

        assertThat(disconnects.get()).isEqualTo(1);
        assertThat(path.pendingReliableBytes()).isLessThanOrEqualTo(64 * 1024);
        path.close();
        loop.submit(() -> { }).get(5, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();

        assertThat(listener.drops).hasSize(threads * perThread); // no channel ever opened: nothing was sent
        assertThat(listener.dropped(DataDropReason.OVERFLOW)).isGreaterThanOrEqualTo(1);
        assertThat(listener.dropped(DataDropReason.NO_CHANNEL) + listener.dropped(DataDropReason.BUFFER_FULL))
                .isPositive();
        assertThat(path.pendingReliableBytes()).isZero();
        assertThat(accepted.get()).isPositive();
    }
}
