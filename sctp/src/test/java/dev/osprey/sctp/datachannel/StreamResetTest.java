package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SimulatedLink;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.ReConfigChunk;
import dev.osprey.sctp.chunk.ReConfigParameter.ReConfigResponse;
import dev.osprey.sctp.chunk.SctpPacket;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6525 stream resets under loss and at awkward moments, and shutdown with data still outstanding. */
class StreamResetTest {

    @Test
    void resetRequestThatOvertakesItsDataIsDeferredUntilTheDataArrives() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 51).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            AtomicBoolean droppedOnce = new AtomicBoolean();
            // lose the last DATA once, so the RE-CONFIG (last assigned TSN = that DATA) arrives before it
            pair.toClient.dropWhen(p -> SimulatedLink.hasChunk(p, 0) && droppedOnce.compareAndSet(false, true));
            java.util.List<Long> results = new java.util.ArrayList<>();
            pair.toServer.dropWhen(p -> {
                try {
                    for (Chunk c : SctpPacket.decode(p).chunks()) {
                        if (c instanceof ReConfigChunk r) {
                            r.parameters().stream().filter(ReConfigResponse.class::isInstance)
                                    .forEach(x -> results.add(((ReConfigResponse) x).result()));
                        }
                    }
                } catch (dev.osprey.sctp.SctpParseException e) {
                    throw new AssertionError(e);
                }
                return false;
            });
            channel.sendText("last message");
            channel.close();
            pair.runUntil(() -> pair.client.closed.size() == 1 && pair.server.closed.size() == 1, 10_000);

            // the message was delivered before the channel closed, and nothing was lost or reordered
            assertThat(pair.client.messages).extracting(ChannelPair.Received::text).containsExactly("last message");
            assertThat(pair.server.count(SctpCounter.T3_EXPIRATIONS)).isPositive();
            // RFC 6525 §5.2.2: first "In progress", then "Success - Performed"
            assertThat(results).startsWith(ReConfigResponse.IN_PROGRESS).contains(ReConfigResponse.SUCCESS_PERFORMED);
            assertThat(pair.client.count(SctpCounter.STREAM_RESETS)).isEqualTo(1);
            assertThat(pair.server.count(SctpCounter.STREAM_RESETS)).isEqualTo(1);
        }
    }

    @Test
    void lostReConfigIsRetransmitted() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 52).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.clock.advanceMillis(100);
            AtomicBoolean droppedOnce = new AtomicBoolean();
            pair.toClient.dropWhen(p -> SimulatedLink.hasChunk(p, 130) && droppedOnce.compareAndSet(false, true));
            channel.close();
            pair.runUntil(() -> pair.client.closed.size() == 1 && pair.server.closed.size() == 1, 10_000);
            assertThat(droppedOnce).isTrue();
        }
    }

    @Test
    void bothSidesClosingTheSameChannelAtOnce() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 53).connect()) {
            DataChannel local = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            DataChannel remote = pair.client.channel("_reliable");
            local.close();
            remote.close();
            pair.runUntil(() -> pair.client.closed.size() == 1 && pair.server.closed.size() == 1, 10_000);
            assertThat(local.state()).isEqualTo(DataChannelState.CLOSED);
            assertThat(remote.state()).isEqualTo(DataChannelState.CLOSED);
        }
    }

    @Test
    void channelClosedBeforeTheAssociationIsUpIsResetOnceItIs() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 54)) {
            DataChannel early = pair.server.transport.open("early", ChannelOptions.RELIABLE);
            early.close();
            pair.client.transport.start();
            pair.server.transport.start();
            pair.runUntil(() -> pair.server.closed.size() == 1, 10_000);
            assertThat(early.state()).isEqualTo(DataChannelState.CLOSED);
            pair.runUntil(() -> pair.client.closed.size() == 1, 10_000);
        }
    }

    @Test
    void shutdownWaitsForOutstandingDataOnALossyLink() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 55).connect()) {
            pair.toClient.impair(0.2, 0, 0.1);
            pair.toServer.impair(0.2, 0, 0.1);
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            for (int i = 0; i < 50; i++) {
                channel.sendText("s" + i);
            }
            pair.server.transport.close();
            assertThat(channel.sendText("too late")).isNotEqualTo(dev.osprey.sctp.SendResult.QUEUED);
            pair.runUntil(() -> pair.server.disconnected != null && pair.client.disconnected != null, 120_000);

            assertThat(pair.server.disconnected.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
            assertThat(pair.client.messages).hasSize(50);
            assertThat(pair.client.messages.getLast().text()).isEqualTo("s49");
        }
    }
}
