package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SimulatedLink;
import dev.osprey.sctp.chunk.ChunkType;
import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.SctpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8260 I-DATA: negotiation, messages of different streams interleaving, I-FORWARD-TSN, resets. */
class InterleavingTest {
    private static final SctpSettings INTERLEAVING = SctpSettings.defaults()
            .withBuffers(3 << 20, 4 << 20, 1 << 20).withInterleaving(true);

    /** Records the chunk types the server sends to the client. */
    private static Set<Integer> spyTypes(ChannelPair pair) {
        Set<Integer> types = new HashSet<>();
        pair.toClient.dropWhen(p -> {
            for (int t = 0; t < 256; t++) {
                if ((t == 0 || t == 64 || t == 192 || t == 194) && SimulatedLink.hasChunk(p, t)) {
                    types.add(t);
                }
            }
            return false;
        });
        return types;
    }

    @Test
    void iDataIsUsedOnlyWhenBothSidesOfferIt() {
        try (ChannelPair pair = new ChannelPair(INTERLEAVING, 71).connect()) {
            Set<Integer> types = spyTypes(pair);
            pair.server.transport.open("_reliable", ChannelOptions.RELIABLE).sendText("hello");
            pair.runUntil(() -> pair.client.messages.size() == 1, 2000);
            assertThat(types).contains(ChunkType.I_DATA.code()).doesNotContain(ChunkType.DATA.code());
        }
        // the server offers I-DATA, the client does not: DATA it is
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 73, -1, INTERLEAVING).connect()) {
            Set<Integer> types = spyTypes(pair);
            pair.server.transport.open("_reliable", ChannelOptions.RELIABLE).sendText("hello");
            pair.runUntil(() -> pair.client.messages.size() == 1, 2000);
            assertThat(types).contains(ChunkType.DATA.code()).doesNotContain(ChunkType.I_DATA.code());
        }
    }

    @Test
    void aSmallMessageOvertakesALargeOneOnAnotherStream() {
        try (ChannelPair pair = new ChannelPair(INTERLEAVING, 74).connect()) {
            pair.server.transport.setRemoteMaxMessageSize(1 << 20);
            DataChannel reliable = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            DataChannel lossy = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
            pair.runUntil(() -> pair.client.opened.size() == 2, 2000);
            pair.clock.advanceMillis(100);
            byte[] big = new byte[1 << 20];
            new SplittableRandom(74).nextBytes(big);
            reliable.send(PooledByteBufAllocator.DEFAULT.buffer(big.length).writeBytes(big));
            pair.clock.advanceMillis(50); // the big message is on its way, fragment by fragment
            lossy.sendText("urgent");
            pair.runUntil(() -> pair.client.messages.size() == 2, 60_000);

            assertThat(pair.client.messages.get(0).text()).isEqualTo("urgent");
            assertThat(Arrays.equals(pair.client.messages.get(1).data(), big)).isTrue();
        }
    }

    @Test
    void abandonedFragmentedLossyMessageIsSkippedWithIForwardTsn() {
        try (ChannelPair pair = new ChannelPair(INTERLEAVING, 75).connect()) {
            DataChannel lossy = pair.server.transport.open("_lossy", new ChannelOptions(true, 0, -1, "", 256));
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            pair.clock.advanceMillis(100);
            Set<Integer> types = spyTypes(pair);
            AtomicInteger seen = new AtomicInteger();
            pair.toClient.dropWhen(p -> {
                if (SimulatedLink.hasChunk(p, 194)) {
                    types.add(194);
                }
                return SimulatedLink.hasChunk(p, 64) && seen.incrementAndGet() == 2; // the 2nd fragment
            });
            lossy.send(PooledByteBufAllocator.DEFAULT.buffer(5000).writeZero(5000)); // five fragments
            pair.clock.advanceMillis(5);
            lossy.sendText("after");
            pair.runUntil(() -> lossy.bufferedAmount() == 0, 10_000);
            pair.runUntil(() -> pair.client.messages.size() == 1, 5000);

            assertThat(pair.client.messages).extracting(ChannelPair.Received::text).containsExactly("after");
            assertThat(types).contains(194);
            assertThat(pair.server.count(SctpCounter.ABANDONED_MESSAGES)).isEqualTo(1);
        }
    }

    @Test
    void closeAndReopenRestartsMessageIdentifiers() {
        try (ChannelPair pair = new ChannelPair(INTERLEAVING, 76).connect()) {
            DataChannel channel = pair.server.transport.open("a", ChannelOptions.RELIABLE);
            channel.sendText("1");
            channel.sendText("2");
            pair.runUntil(() -> pair.client.messages.size() == 2, 2000);
            channel.close();
            pair.runUntil(() -> pair.client.closed.size() == 1 && pair.server.closed.size() == 1, 5000);
            DataChannel again = pair.server.transport.open("b", ChannelOptions.RELIABLE);
            assertThat(again.id()).isEqualTo(channel.id());
            again.sendText("3");
            again.sendText("4");
            pair.runUntil(() -> pair.client.messages.size() == 4, 5000);
            assertThat(pair.client.messages).extracting(ChannelPair.Received::text).containsExactly("1", "2", "3",
                    "4");
        }
    }

    @Test
    void dataChunkOnAnInterleavingAssociationAbortsIt() {
        try (ChannelPair pair = new ChannelPair(INTERLEAVING, 77).connect()) {
            long[] clientTag = {0};
            pair.toClient.dropWhen(p -> {
                clientTag[0] = p.getUnsignedInt(p.readerIndex() + 4);
                return false;
            });
            pair.server.transport.open("x", ChannelOptions.RELIABLE);
            pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
            DataChunk data = new DataChunk(3, 1, 1, 0, 51, Unpooled.wrappedBuffer(new byte[]{1}));
            SctpPacket packet = new SctpPacket(5000, 5000, clientTag[0], List.of(data));
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(packet.length());
            packet.encode(buf);
            pair.client.transport.handlePacket(buf);
            assertThat(pair.client.disconnected.kind()).isEqualTo(CloseReason.Kind.LOCAL_ABORT);
        }
    }
}
