package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.AssociationState;
import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.SctpAssociation;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SimulatedLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Retransmission, RTO back-off, fast retransmit, partial reliability, flow control and heartbeats. */
class ReliabilityTest {
    private static final long MS = 1_000_000;

    /** Drops the first {@code times} packets carrying the text; the filter releases its probe buffer. */
    private static void dropFirst(SimulatedLink link, String text, int times) {
        AtomicInteger left = new AtomicInteger(times);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        link.dropWhen(packet -> {
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.heapBuffer(needle.length).writeBytes(needle);
            try {
                return left.get() > 0 && ByteBufUtil.indexOf(probe, packet) >= 0 && left.decrementAndGet() >= 0;
            } finally {
                probe.release();
            }
        });
    }

    @Test
    void t3RetransmissionDoublesTheRtoEachTimeAndKarnSkipsTheSample() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 21).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            channel.sendText("warm-up");
            pair.runUntil(() -> pair.client.messages.size() == 1 && channel.bufferedAmount() == 0, 2000);
            SctpAssociation sender = pair.server.transport.association();
            // one RTT sample of 20 ms: SRTT + 4 RTTVAR = 60 ms, clamped to RTO.Min
            assertThat(sender.rtoNanos()).isEqualTo(400 * MS);

            pair.toClient.dropWhen(p -> SimulatedLink.hasChunk(p, 0));
            channel.sendText("lost until the link heals");
            pair.clock.advanceMillis(399);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isZero();
            pair.clock.advanceMillis(2);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isEqualTo(1);
            assertThat(sender.rtoNanos()).isEqualTo(800 * MS);
            pair.clock.advanceMillis(800);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isEqualTo(2);
            assertThat(sender.rtoNanos()).isEqualTo(1600 * MS);
            pair.clock.advanceMillis(1600);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isEqualTo(3);
            assertThat(sender.rtoNanos()).isEqualTo(3200 * MS);
            assertThat(pair.server.count(SctpCounter.RETRANSMITTED_CHUNKS)).isEqualTo(3);
            // §7.2.3: the window collapsed to one MTU
            assertThat(sender.congestionWindow()).isEqualTo(1200);

            pair.toClient.dropWhen(p -> false);
            // nothing is resent before the next expiry (3.2 s later), which doubles the RTO once more
            pair.runUntil(() -> pair.client.messages.size() == 2, 5000);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isEqualTo(4);
            assertThat(pair.client.messages.get(1).text()).isEqualTo("lost until the link heals");
            pair.runUntil(() -> channel.bufferedAmount() == 0, 5000);
            // Karn: the acknowledged chunk was retransmitted, so it gave no sample; the backed-off RTO stays
            assertThat(sender.rtoNanos()).isEqualTo(6400 * MS);
        }
    }

    @Test
    void slowStartGrowsTheWindowWhileItIsFullyUsed() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 20).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            long initial = pair.server.transport.association().congestionWindow();
            assertThat(initial).isEqualTo(4404); // §7.2.1: min(4 MTU, max(2 MTU, 4404))
            for (int i = 0; i < 200; i++) {
                channel.send(PooledByteBufAllocator.DEFAULT.buffer(1000).writeZero(1000));
            }
            pair.runUntil(() -> channel.bufferedAmount() == 0, 30_000);
            assertThat(pair.server.transport.association().congestionWindow()).isGreaterThan(10 * initial);
        }
    }

    @Test
    void tooManyRetransmissionsEndTheAssociation() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 22).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.toClient.dropWhen(p -> true);
            channel.sendText("into the void");
            pair.runUntil(() -> pair.server.disconnected != null, 300_000);
            assertThat(pair.server.disconnected.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isEqualTo(10);
            assertThat(channel.state()).isEqualTo(DataChannelState.CLOSED);
        }
    }

    @Test
    void threeMissIndicationsTriggerFastRetransmitBeforeT3() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 23).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            dropFirst(pair.toClient, "msg-0", 1);
            for (int i = 0; i < 8; i++) {
                channel.sendText("msg-" + i);
                pair.clock.advanceMillis(1); // one packet each, so each gets its own SACK
            }
            long cwndBefore = pair.server.transport.association().congestionWindow();
            pair.runUntil(() -> pair.client.messages.size() == 8, 150);

            assertThat(pair.server.count(SctpCounter.FAST_RETRANSMITS)).isEqualTo(1);
            // §7.2.4: entering Fast Recovery set cwnd = ssthresh = max(cwnd / 2, 4 MTU)
            assertThat(pair.server.transport.association().congestionWindow())
                    .isEqualTo(Math.max(cwndBefore / 2, 4 * 1200));
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isZero();
            assertThat(pair.client.messages.get(0).text()).isEqualTo("msg-0");
            assertThat(pair.client.messages.get(7).text()).isEqualTo("msg-7");
        }
    }

    @Test
    void lossyChannelAbandonsALostMessageAndSkipsItWithForwardTsn() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 24).connect()) {
            DataChannel lossy = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.clock.advanceMillis(100); // the DATA_CHANNEL_ACK is in: messages may go unordered
            dropFirst(pair.toClient, "lost", 1);
            lossy.sendText("lost");
            pair.clock.advanceMillis(1);
            lossy.sendText("after");
            pair.runUntil(() -> lossy.bufferedAmount() == 0, 5000);
            pair.clock.advanceMillis(2000);

            assertThat(pair.client.messages).extracting(ChannelPair.Received::text).containsExactly("after");
            assertThat(pair.server.count(SctpCounter.ABANDONED_MESSAGES)).isEqualTo(1);
            assertThat(pair.server.count(SctpCounter.FORWARD_TSN_SENT)).isPositive();
            assertThat(pair.server.count(SctpCounter.RETRANSMITTED_CHUNKS)).isZero();
            // the receiver's cumulative TSN moved past the hole: later messages still flow and are acknowledged
            lossy.sendText("later");
            pair.runUntil(() -> pair.client.messages.size() == 2 && lossy.bufferedAmount() == 0, 2000);
        }
    }

    @Test
    void orderedPartialReliableChannelSkipsTheAbandonedSsn() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 25).connect()) {
            DataChannel channel = pair.server.transport.open("ordered-once", new ChannelOptions(true, 0, -1, "", 256));
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.clock.advanceMillis(100);
            dropFirst(pair.toClient, "second", 1);
            for (String s : new String[]{"first", "second", "third", "fourth"}) {
                channel.sendText(s);
                pair.clock.advanceMillis(1);
            }
            pair.runUntil(() -> pair.client.messages.size() == 3, 5000);
            assertThat(pair.client.messages).extracting(ChannelPair.Received::text)
                    .containsExactly("first", "third", "fourth");
        }
    }

    @Test
    void timedChannelDropsMessagesWhoseLifetimeEnded() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 26).connect()) {
            DataChannel channel = pair.server.transport.open("timed", new ChannelOptions(false, -1, 50, "", 256));
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.clock.advanceMillis(100);
            pair.toClient.dropWhen(p -> SimulatedLink.hasChunk(p, 0));
            channel.sendText("stale");
            pair.clock.advanceMillis(600); // past the lifetime: the T3 expiry abandons instead of retransmitting
            pair.toClient.dropWhen(p -> false);
            channel.sendText("fresh");
            pair.runUntil(() -> channel.bufferedAmount() == 0, 5000);
            assertThat(pair.client.messages).extracting(ChannelPair.Received::text).containsExactly("fresh");
            assertThat(pair.server.count(SctpCounter.ABANDONED_MESSAGES)).isEqualTo(1);
        }
    }

    @Test
    void aPausedReaderClosesTheWindowAndTheSenderWaits() {
        SctpSettings settings = SctpSettings.defaults().withBuffers(64 << 10, 1 << 20, 16 << 10);
        try (ChannelPair pair = new ChannelPair(settings, 27).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.client.transport.association().pauseReceiving();
            for (int i = 0; i < 200; i++) {
                assertThat(channel.send(PooledByteBufAllocator.DEFAULT.buffer(1000).writeZero(999).writeByte(i)))
                        .isEqualTo(dev.osprey.sctp.SendResult.QUEUED);
            }
            pair.clock.advanceMillis(10_000);

            SctpAssociation sender = pair.server.transport.association();
            assertThat(pair.client.messages).isEmpty();
            assertThat(sender.peerReceiveWindow()).isZero();
            // at most the window (plus one probe chunk) was accepted; the rest waits at the sender
            assertThat(channel.bufferedAmount()).isGreaterThanOrEqualTo(200_000 - (64 << 10) - 1200);
            assertThat(sender.state()).isEqualTo(AssociationState.ESTABLISHED);

            pair.client.transport.association().resumeReceiving();
            pair.runUntil(() -> pair.client.messages.size() == 200, 60_000);
            for (int i = 0; i < 200; i++) {
                assertThat(pair.client.messages.get(i).data()[999]).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void idleAssociationsExchangeHeartbeatsAndUnansweredOnesEndIt() {
        SctpSettings settings = SctpSettings.defaults().withTimers(1000, 200, 10_000, 1000, 60_000);
        try (ChannelPair pair = new ChannelPair(settings, 28).connect()) {
            pair.clock.advanceMillis(10_000); // every HB.interval + RTO
            assertThat(pair.server.count(SctpCounter.HEARTBEATS_SENT)).isGreaterThanOrEqualTo(3);
            assertThat(pair.client.count(SctpCounter.HEARTBEATS_SENT)).isGreaterThanOrEqualTo(3);
            // answered heartbeats measured the RTT: RTO fell from 1 s to the floor
            assertThat(pair.server.transport.association().rtoNanos()).isEqualTo(200 * MS);

            pair.toServer.dropWhen(p -> true);
            pair.runUntil(() -> pair.server.disconnected != null, 600_000);
            assertThat(pair.server.disconnected.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
            assertThat(pair.server.disconnected.detail()).contains("heartbeats");
        }
    }

    @Test
    void unansweredInitGivesUpAfterMaxInitRetransmits() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 29)) {
            pair.toServer.dropWhen(p -> true);
            pair.client.transport.start();
            pair.runUntil(() -> pair.client.disconnected != null, 600_000);
            assertThat(pair.client.disconnected.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
            assertThat(pair.toServer.sent()).isEqualTo(1 + 8);
        }
    }
}
