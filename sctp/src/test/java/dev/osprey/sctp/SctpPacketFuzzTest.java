package dev.osprey.sctp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.ChunkDecoder;
import dev.osprey.sctp.chunk.SctpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer targets for packet and chunk parsing and for an association fed arbitrary packets. Whatever the bytes,
 * only {@link SctpParseException} may escape the decoder, a decoded packet re-encodes to something that decodes to
 * the same chunks, the association never throws, and no buffer leaks. The checked-in corpus under
 * {@code SctpPacketFuzzTestInputs} runs in every build.
 */
class SctpPacketFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length)).writeBytes(data);
        try {
            SctpPacket.checksumMatches(buf);
            SctpPacket packet = SctpPacket.decode(buf);
            ByteBuf again = Unpooled.buffer();
            packet.encode(again);
            List<Chunk> reparsed = ChunkDecoder.decodeAll(again, SctpPacket.COMMON_HEADER_LENGTH, again.writerIndex());
            assertThat(reparsed).isEqualTo(packet.chunks());
        } catch (SctpParseException expected) {
            // rejected input is the normal outcome for most fuzz bytes
        } finally {
            buf.release();
        }
    }

    /** The bytes get a valid checksum, then go to a closed and to an established association. */
    @FuzzTest
    void association(byte[] data) {
        ManualScheduler clock = new ManualScheduler();
        List<ByteBuf> sent = new ArrayList<>();
        SctpEndpoint endpoint = new SctpEndpoint(SctpSettings.defaults(), new byte[32],
                PooledByteBufAllocator.DEFAULT, new SplittableRandom(1), new SctpCounters());
        SctpAssociation fresh = new SctpAssociation(endpoint, sent::add, clock, new NoopHandler());
        try {
            fresh.handlePacket(withChecksum(data));
            fresh.connect();
            fresh.handlePacket(withChecksum(data));
            clock.advanceMillis(100_000);
            fresh.abort("fuzz done");
        } finally {
            sent.forEach(ByteBuf::release);
        }
    }

    /**
     * The bytes reach an established association as if they came from its peer: ports and verification tag are
     * made right, then the checksum, so DATA, SACK, FORWARD TSN and RE-CONFIG handling are what gets fuzzed.
     */
    @FuzzTest
    void established(byte[] data) {
        established(data, SctpSettings.defaults());
        established(data, SctpSettings.defaults().withInterleaving(true)); // I-DATA and I-FORWARD-TSN paths
    }

    private static void established(byte[] data, SctpSettings settings) {
        ManualScheduler clock = new ManualScheduler();
        SimulatedLink toB = new SimulatedLink(clock, 1, 1);
        SimulatedLink toA = new SimulatedLink(clock, 2, 1);
        SctpAssociation a = new SctpAssociation(endpoint(3, settings), toB, clock, new NoopHandler());
        SctpAssociation b = new SctpAssociation(endpoint(4, settings), toA, clock, new NoopHandler());
        toB.connectTo(b::handlePacket);
        toA.connectTo(a::handlePacket);
        long[] tagOfB = {0};
        toB.dropWhen(p -> {
            tagOfB[0] = p.getUnsignedInt(p.readerIndex() + 4);
            return false;
        });
        a.connect();
        b.connect();
        clock.advanceMillis(100);
        assertThat(b.state()).isEqualTo(AssociationState.ESTABLISHED);
        a.send(1, 51, PooledByteBufAllocator.DEFAULT.buffer(4).writeInt(7), SendOptions.RELIABLE_ORDERED);
        ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(16, data.length)).writeBytes(data);
        if (packet.writerIndex() < 16) {
            packet.writeZero(16 - packet.writerIndex());
        }
        packet.setShort(0, 5000).setShort(2, 5000).setInt(4, (int) tagOfB[0]).setInt(8, 0);
        SctpPacket.writeChecksum(packet, 0);
        b.handlePacket(packet);
        clock.advanceMillis(70_000);
        a.abort("fuzz done");
        b.abort("fuzz done");
        clock.advanceMillis(1000);
    }

    private static SctpEndpoint endpoint(long seed, SctpSettings settings) {
        return new SctpEndpoint(settings, new byte[32], PooledByteBufAllocator.DEFAULT,
                new SplittableRandom(seed), new SctpCounters());
    }

    private static ByteBuf withChecksum(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(12, data.length)).writeBytes(data);
        if (buf.writerIndex() < 12) {
            buf.writeZero(12 - buf.writerIndex());
        }
        buf.setInt(8, 0);
        SctpPacket.writeChecksum(buf, 0);
        return buf;
    }

    private static final class NoopHandler implements StreamHandler {
        @Override
        public void onEstablished() {
        }

        @Override
        public void onMessage(int streamId, long ppid, ByteBuf message) {
            assertThat(message.refCnt()).isPositive();
        }

        @Override
        public void onSendBufferReleased(int streamId, long ppid, int bytes) {
        }

        @Override
        public void onIncomingStreamsReset(List<Integer> streamIds) {
        }

        @Override
        public void onOutgoingStreamsReset(List<Integer> streamIds) {
        }

        @Override
        public void onClosed(CloseReason reason) {
        }
    }
}
