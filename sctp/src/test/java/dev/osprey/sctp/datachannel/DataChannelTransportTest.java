package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.AssociationState;
import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SendResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two transports back to back: handshake, DCEP, delivery modes, large messages, close. */
class DataChannelTransportTest {

    private static ByteBuf bytes(byte[] data) {
        return PooledByteBufAllocator.DEFAULT.buffer(data.length).writeBytes(data);
    }

    @Test
    void crossingInitsEstablishOneAssociationAndOpenChannelsBothWays() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 1).connect()) {
            assertThat(pair.client.transport.association().state()).isEqualTo(AssociationState.ESTABLISHED);
            assertThat(pair.server.transport.association().state()).isEqualTo(AssociationState.ESTABLISHED);

            DataChannel reliable = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            DataChannel lossy = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
            DataChannel fromClient = pair.client.transport.open("chat", ChannelOptions.RELIABLE);
            pair.runUntil(() -> pair.client.opened.size() == 3 && pair.server.opened.size() == 3, 1000);

            // RFC 8832 §6: the DTLS server uses odd stream ids, the client even ones
            assertThat(reliable.id() % 2).isEqualTo(1);
            assertThat(lossy.id() % 2).isEqualTo(1);
            assertThat(fromClient.id() % 2).isZero();
            DataChannel remoteLossy = pair.client.channel("_lossy");
            assertThat(remoteLossy.options().ordered()).isFalse();
            assertThat(remoteLossy.options().maxRetransmits()).isZero();
            assertThat(pair.server.channel("chat").options()).isEqualTo(ChannelOptions.RELIABLE);
        }
    }

    @Test
    void textBinaryAndEmptyMessagesArriveWithTheirKind() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 2).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            assertThat(channel.sendText("héllo")).isEqualTo(SendResult.QUEUED);
            assertThat(channel.send(bytes(new byte[]{1, 2, 3}))).isEqualTo(SendResult.QUEUED);
            assertThat(channel.sendText("")).isEqualTo(SendResult.QUEUED);
            assertThat(channel.send(bytes(new byte[0]))).isEqualTo(SendResult.QUEUED);
            pair.runUntil(() -> pair.client.messages.size() == 4, 1000);

            List<ChannelPair.Received> got = pair.client.messages;
            assertThat(got.get(0).text()).isEqualTo("héllo");
            assertThat(got.get(0).binary()).isFalse();
            assertThat(got.get(1).data()).containsExactly(1, 2, 3);
            assertThat(got.get(1).binary()).isTrue();
            assertThat(got.get(2).data()).isEmpty();
            assertThat(got.get(2).binary()).isFalse();
            assertThat(got.get(3).data()).isEmpty();
            assertThat(got.get(3).binary()).isTrue();
        }
    }

    @Test
    void orderedChannelDeliversInOrderOverALossyReorderingDuplicatingLink() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 3).connect()) {
            pair.toClient.impair(0.1, 0.05, 0.2);
            pair.toServer.impair(0.1, 0.05, 0.2);
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            for (int i = 0; i < 300; i++) {
                assertThat(channel.sendText("m" + i)).isEqualTo(SendResult.QUEUED);
            }
            pair.runUntil(() -> pair.client.messages.size() == 300, 120_000);

            for (int i = 0; i < 300; i++) {
                assertThat(pair.client.messages.get(i).text()).isEqualTo("m" + i);
            }
            assertThat(pair.server.count(SctpCounter.RETRANSMITTED_CHUNKS)).isPositive();
            assertThat(pair.client.count(SctpCounter.DUPLICATE_TSN)).isPositive();
            pair.runUntil(() -> channel.bufferedAmount() == 0, 60_000);
        }
    }

    @Test
    void unorderedReliableChannelDeliversEverythingExactlyOnce() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 4).connect()) {
            pair.toClient.impair(0.15, 0.1, 0.3);
            ChannelOptions unordered = new ChannelOptions(false, -1, -1, "", 256);
            DataChannel channel = pair.server.transport.open("u", unordered);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 10_000);
            for (int i = 0; i < 200; i++) {
                channel.sendText(Integer.toString(i));
            }
            pair.runUntil(() -> pair.client.messages.size() >= 200, 120_000);
            pair.clock.advanceMillis(5_000);

            assertThat(pair.client.messages).hasSize(200);
            assertThat(pair.client.messages.stream().map(ChannelPair.Received::text).sorted().distinct())
                    .hasSize(200);
        }
    }

    @Test
    void oneMebibyteMessageIsFragmentedAndReassembledIntact() {
        SctpSettings settings = SctpSettings.defaults().withBuffers(3 << 20, 4 << 20, 1 << 20);
        try (ChannelPair pair = new ChannelPair(settings, 5).connect()) {
            pair.server.transport.setRemoteMaxMessageSize(1 << 20);
            pair.toClient.impair(0.02, 0.01, 0.05);
            byte[] payload = new byte[1 << 20];
            new SplittableRandom(5).nextBytes(payload);
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            assertThat(channel.send(bytes(payload))).isEqualTo(SendResult.QUEUED);
            assertThat(channel.bufferedAmount()).isEqualTo(1 << 20);
            pair.runUntil(() -> pair.client.messages.size() == 1, 120_000);

            assertThat(Arrays.equals(pair.client.messages.getFirst().data(), payload)).isTrue();
            pair.runUntil(() -> channel.bufferedAmount() == 0, 30_000);
        }
    }

    @Test
    void messagesAboveThePeersMaxMessageSizeAreRefused() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 6).connect()) {
            pair.server.transport.setRemoteMaxMessageSize(1000);
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            assertThat(channel.send(bytes(new byte[1001]))).isEqualTo(SendResult.TOO_LARGE);
            assertThat(channel.send(bytes(new byte[1000]))).isEqualTo(SendResult.QUEUED);
        }
    }

    @Test
    void closingAChannelResetsBothStreamsAndFreesTheId() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 7).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            channel.sendText("before close");
            pair.runUntil(() -> pair.client.messages.size() == 1, 1000);
            channel.close();
            pair.runUntil(() -> pair.server.closed.size() == 1 && pair.client.closed.size() == 1, 5000);

            assertThat(channel.state()).isEqualTo(DataChannelState.CLOSED);
            assertThat(pair.client.closed.getFirst().id()).isEqualTo(channel.id());
            assertThat(pair.server.transport.channel(channel.id())).isEmpty();
            assertThat(pair.server.count(SctpCounter.STREAM_RESETS)).isEqualTo(1);
            assertThat(pair.client.count(SctpCounter.STREAM_RESETS)).isEqualTo(1);
            assertThat(channel.sendText("after close")).isEqualTo(SendResult.NOT_OPEN);

            // the id is reused, and its SSNs start at 0 again on both sides: ordered delivery still works
            DataChannel again = pair.server.transport.open("again", ChannelOptions.RELIABLE);
            assertThat(again.id()).isEqualTo(channel.id());
            again.sendText("one");
            again.sendText("two");
            pair.runUntil(() -> pair.client.messages.size() == 3, 5000);
            assertThat(pair.client.messages.get(2).text()).isEqualTo("two");
        }
    }

    @Test
    void gracefulShutdownClosesBothSides() {
        ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 8).connect();
        try (pair) {
            DataChannel channel = pair.client.transport.open("x", ChannelOptions.RELIABLE);
            channel.sendText("last words");
            pair.client.transport.close();
            pair.runUntil(() -> pair.client.disconnected != null && pair.server.disconnected != null, 10_000);

            assertThat(pair.client.disconnected.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
            assertThat(pair.server.disconnected.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
            assertThat(pair.server.messages).extracting(ChannelPair.Received::text).containsExactly("last words");
            assertThat(pair.client.closed).contains(channel);
        }
    }

    @Test
    void abortEndsThePeerAtOnce() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 9).connect()) {
            pair.server.transport.association().abort("moderator kicked");
            pair.runUntil(() -> pair.client.disconnected != null, 1000);
            assertThat(pair.client.disconnected.kind()).isEqualTo(CloseReason.Kind.PEER_ABORT);
            assertThat(pair.server.disconnected.kind()).isEqualTo(CloseReason.Kind.LOCAL_ABORT);
        }
    }

    @Test
    void bufferedAmountLowFiresWhenTheQueueDrains() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 10).connect()) {
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            channel.setBufferedAmountLowThreshold(10_000);
            List<SendResult> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(channel.send(bytes(new byte[1000])));
            }
            assertThat(results).containsOnly(SendResult.QUEUED);
            assertThat(channel.bufferedAmount()).isEqualTo(50_000);
            pair.runUntil(() -> !pair.server.lowEvents.isEmpty(), 10_000);
            assertThat(channel.bufferedAmount()).isLessThanOrEqualTo(10_000);
            assertThat(pair.server.lowEvents).containsExactly(channel);
        }
    }
}
