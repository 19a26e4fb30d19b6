package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.AssociationState;
import dev.osprey.sctp.SctpCounter;
import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SimulatedLink;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.ChunkType;
import dev.osprey.sctp.chunk.CookieEchoChunk;
import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.OpaqueValue;
import dev.osprey.sctp.chunk.SctpPacket;
import dev.osprey.sctp.chunk.UnknownChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input is dropped and counted, never thrown, and leaves the association working: bad checksum,
 * lengths past the end, TSNs far out of the window, tampered and expired cookies, unknown chunk types by their high
 * bits, wrong verification tags.
 */
class MalformedInputTest {

    /** Spies on the server-to-client link: the tag the client expects and the last TSN the server used. */
    private static final class Spy {
        long clientTag;
        long lastTsn;
        final List<Integer> chunkTypesToServer = new ArrayList<>();
    }

    private static Spy spy(ChannelPair pair) {
        Spy spy = new Spy();
        pair.toClient.dropWhen(p -> {
            spy.clientTag = p.getUnsignedInt(p.readerIndex() + 4);
            try {
                for (Chunk c : SctpPacket.decode(p).chunks()) {
                    if (c instanceof DataChunk d) {
                        spy.lastTsn = d.tsn();
                    }
                }
            } catch (SctpParseException e) {
                throw new AssertionError(e);
            }
            return false;
        });
        pair.toServer.dropWhen(p -> {
            try {
                SctpPacket.decode(p).chunks().forEach(c -> spy.chunkTypesToServer.add(c.type().code()));
            } catch (SctpParseException e) {
                throw new AssertionError(e);
            }
            return false;
        });
        return spy;
    }

    private static ChannelPair connectedWithChannel(long seed) {
        ChannelPair pair = new ChannelPair(SctpSettings.defaults(), seed);
        return pair.connect();
    }

    private static ByteBuf packet(long tag, Chunk... chunks) {
        SctpPacket packet = new SctpPacket(5000, 5000, tag, List.of(chunks));
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(packet.length());
        packet.encode(buf);
        return buf;
    }

    private static DataChunk text(long tsn, int stream, String s) {
        ByteBuf payload = PooledByteBufAllocator.DEFAULT.heapBuffer().writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return new DataChunk(DataChunk.FLAG_BEGINNING | DataChunk.FLAG_ENDING | DataChunk.FLAG_UNORDERED, tsn, stream,
                0, Ppid.STRING, payload);
    }

    private static ByteBuf packetWithData(long tag, long tsn, int stream, String s) {
        DataChunk data = text(tsn, stream, s);
        try {
            return packet(tag, data);
        } finally {
            data.userData().release();
        }
    }

    private static void assertStillWorks(ChannelPair pair, DataChannel channel, String marker) {
        int before = pair.client.messages.size();
        channel.sendText(marker);
        pair.runUntil(() -> pair.client.messages.size() == before + 1, 2000);
        assertThat(pair.client.messages.getLast().text()).isEqualTo(marker);
    }

    private static DataChannel openAndSettle(ChannelPair pair) {
        DataChannel channel = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
        pair.runUntil(() -> !pair.client.opened.isEmpty(), 2000);
        channel.sendText("first");
        pair.runUntil(() -> pair.client.messages.size() == 1, 2000);
        pair.clock.advanceMillis(500);
        return channel;
    }

    @Test
    void badChecksumIsDroppedAndCounted() {
        try (ChannelPair pair = connectedWithChannel(31)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            ByteBuf bad = packetWithData(spy.clientTag, spy.lastTsn + 1, channel.id(), "corrupt");
            bad.setByte(bad.writerIndex() - 1, bad.getByte(bad.writerIndex() - 1) ^ 0x01);
            pair.client.transport.handlePacket(bad);
            assertThat(pair.client.count(SctpCounter.BAD_CHECKSUM)).isEqualTo(1);
            assertStillWorks(pair, channel, "after bad checksum");
        }
    }

    @Test
    void chunkLengthPastTheEndIsDroppedAndCounted() {
        try (ChannelPair pair = connectedWithChannel(32)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            ByteBuf bad = packetWithData(spy.clientTag, spy.lastTsn + 1, channel.id(), "truncated");
            bad.setShort(14, bad.getUnsignedShort(14) + 40); // the DATA chunk claims 40 bytes it does not have
            SctpPacket.writeChecksum(bad.setInt(8, 0), 0);
            pair.client.transport.handlePacket(bad);
            assertThat(pair.client.count(SctpCounter.LENGTH_PAST_END)).isEqualTo(1);
            assertThat(pair.client.messages).hasSize(1);
            assertStillWorks(pair, channel, "after truncation");
        }
    }

    @Test
    void tsnFarOutOfTheWindowIsDroppedAndCounted() {
        try (ChannelPair pair = connectedWithChannel(33)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            long far = (spy.lastTsn + 1_000_000) & 0xFFFFFFFFL;
            pair.client.transport.handlePacket(packetWithData(spy.clientTag, far, channel.id(), "from the future"));
            assertThat(pair.client.count(SctpCounter.TSN_OUT_OF_WINDOW)).isEqualTo(1);
            assertThat(pair.client.messages).hasSize(1);
            assertStillWorks(pair, channel, "after far TSN");
        }
    }

    @Test
    void wrongVerificationTagIsDroppedAndCounted() {
        try (ChannelPair pair = connectedWithChannel(34)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            pair.client.transport.handlePacket(packetWithData(spy.clientTag ^ 0x5A5A, spy.lastTsn + 1, channel.id(),
                    "spoofed"));
            assertThat(pair.client.count(SctpCounter.BAD_VERIFICATION_TAG)).isEqualTo(1);
            assertThat(pair.client.messages).hasSize(1);
            assertStillWorks(pair, channel, "after spoof");
        }
    }

    @ParameterizedTest(name = "chunk type {0}: processes rest {1}, reports {2}")
    @CsvSource({"63, false, false", "127, false, true", "191, true, false", "255, true, true"})
    void unknownChunkTypesFollowTheirHighBits(int type, boolean processesRest, boolean reports) {
        try (ChannelPair pair = connectedWithChannel(35)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            spy.chunkTypesToServer.clear();
            DataChunk data = text(spy.lastTsn + 1, channel.id(), "behind an unknown chunk");
            ByteBuf packet = packet(spy.clientTag, new UnknownChunk(ChunkType.valueOf(type), 0,
                    OpaqueValue.of(new byte[]{1, 2, 3})), data);
            data.userData().release();
            pair.client.transport.handlePacket(packet);
            pair.clock.advanceMillis(300);

            assertThat(pair.client.count(SctpCounter.UNKNOWN_CHUNK)).isEqualTo(1);
            assertThat(pair.client.messages).hasSize(processesRest ? 2 : 1);
            assertThat(spy.chunkTypesToServer.contains(ChunkType.ERROR.code())).isEqualTo(reports);
        }
    }

    @Test
    void tamperedAndExpiredCookiesAreRefused() {
        ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 36);
        try (pair) {
            List<ByteBuf> cookieEchoes = new ArrayList<>();
            // hold back the client's COOKIE ECHO (it is the only chunk type 10 packet) to replay it modified
            pair.toServer.dropWhen(p -> {
                if (SimulatedLink.firstChunkType(p) == ChunkType.COOKIE_ECHO.code()) {
                    cookieEchoes.add(p.copy());
                    return true;
                }
                return false;
            });
            pair.client.transport.start(); // only the client opens: the server answers statelessly
            pair.clock.advanceMillis(30);
            assertThat(cookieEchoes).hasSize(1);
            ByteBuf original = cookieEchoes.getFirst();

            ByteBuf tampered = original.copy();
            int cookieByte = 12 + 4 + 10; // inside the cookie, after the chunk header
            tampered.setByte(cookieByte, tampered.getByte(cookieByte) ^ 0x01);
            SctpPacket.writeChecksum(tampered.setInt(8, 0), 0);
            pair.server.transport.handlePacket(tampered);
            assertThat(pair.server.count(SctpCounter.COOKIE_INVALID)).isEqualTo(1);
            assertThat(pair.server.transport.association().state()).isEqualTo(AssociationState.CLOSED);

            pair.clock.advance(61_000_000_000L); // Valid.Cookie.Life is 60 s
            pair.server.transport.handlePacket(original.retainedDuplicate());
            assertThat(pair.server.count(SctpCounter.COOKIE_EXPIRED)).isEqualTo(1);
            assertThat(pair.server.transport.association().state()).isEqualTo(AssociationState.CLOSED);
            original.release();
            cookieEchoes.forEach(b -> {
                if (b.refCnt() > 0) {
                    b.release();
                }
            });
        }
    }

    @Test
    void validCookieEchoFromAQuietServerEstablishesTheAssociation() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 37)) {
            pair.client.transport.start(); // the server never sends INIT: stateless INIT ACK, cookie rebuilds all
            pair.runUntil(() -> pair.client.connected && pair.server.connected, 1000);
            pair.server.transport.open("_reliable", ChannelOptions.RELIABLE).sendText("hi");
            pair.runUntil(() -> pair.client.messages.size() == 1, 1000);
            assertThat(pair.server.transport.association().state()).isEqualTo(AssociationState.ESTABLISHED);
        }
    }

    @Test
    void malformedDcepIsCountedAndIgnored() {
        try (ChannelPair pair = connectedWithChannel(38)) {
            Spy spy = spy(pair);
            DataChannel channel = openAndSettle(pair);
            ByteBuf payload = PooledByteBufAllocator.DEFAULT.heapBuffer().writeBytes(new byte[]{3, 0, 0, 0, 0, 0, 0,
                    0, 0, 50, 0, 0}); // DATA_CHANNEL_OPEN whose label length points past the end
            DataChunk dcep = new DataChunk(DataChunk.FLAG_BEGINNING | DataChunk.FLAG_ENDING, spy.lastTsn + 1, 2, 0,
                    Ppid.DCEP, payload);
            ByteBuf packet = packet(spy.clientTag, dcep);
            payload.release();
            pair.client.transport.handlePacket(packet);
            assertThat(pair.client.count(SctpCounter.LENGTH_PAST_END)).isEqualTo(1);
            assertThat(pair.client.opened).hasSize(1);
            // the injected TSN is one the server will use next, so check the association, not a new message
            assertThat(pair.client.transport.association().state()).isEqualTo(AssociationState.ESTABLISHED);
            assertThat(channel.state()).isEqualTo(DataChannelState.OPEN);
        }
    }
}
