package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SctpSettings;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams take turns: a backlog on one channel does not hold back another. */
class SchedulingTest {

    @Test
    void lossyMessageOvertakesAReliableBacklogOnAnotherChannel() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 61).connect()) {
            DataChannel reliable = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            DataChannel lossy = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
            pair.runUntil(() -> pair.client.opened.size() == 2, 2000);
            pair.clock.advanceMillis(100);
            for (int i = 0; i < 100; i++) {
                reliable.send(PooledByteBufAllocator.DEFAULT.buffer(10_000).writeZero(10_000));
            }
            lossy.sendText("urgent");
            pair.runUntil(() -> pair.client.messages.size() == 101, 60_000);

            int urgentAt = 0;
            while (!pair.client.messages.get(urgentAt).label().equals("_lossy")) {
                urgentAt++;
            }
            // only the reliable message already in progress (and what the window let through) went first
            assertThat(urgentAt).isLessThanOrEqualTo(2);
        }
    }
}
