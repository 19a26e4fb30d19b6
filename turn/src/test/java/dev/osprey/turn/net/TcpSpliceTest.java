package dev.osprey.turn.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw relay of RFC 6062 data connections: bytes as they are, flush per batch, auto-read flow control, close. */
class TcpSpliceTest {
    private final AtomicLong relayed = new AtomicLong();
    private final EmbeddedChannel peer = new EmbeddedChannel();
    private final EmbeddedChannel client = new EmbeddedChannel();

    @AfterEach
    void close() {
        peer.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    private TcpSplice splice(EmbeddedChannel from, EmbeddedChannel to) {
        TcpSplice splice = new TcpSplice(to, relayed::addAndGet);
        from.pipeline().addLast(splice);
        return splice;
    }

    @Test
    void bytesGoAcrossAsTheyAreAndAreFlushedAtTheEndOfTheReadBatch() {
        splice(client, peer);
        ByteBuf bytes = Unpooled.wrappedBuffer(new byte[]{(byte) 0xFF, 0, 1});
        client.pipeline().fireChannelRead(bytes);
        assertThat((Object) peer.readOutbound()).as("not flushed before the batch ends").isNull();
        client.pipeline().fireChannelReadComplete();
        ByteBuf out = peer.readOutbound();
        assertThat(out).isSameAs(bytes);
        out.release();
        assertThat(relayed).hasValue(3);
    }

    @Test
    void aFullTargetPausesTheSourceUntilItDrains() {
        peer.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        splice(client, peer);
        splice(peer, client);
        client.pipeline().fireChannelRead(Unpooled.wrappedBuffer(new byte[32]));
        assertThat(peer.isWritable()).isFalse();
        assertThat(client.config().isAutoRead()).as("the client stops reading").isFalse();
        client.pipeline().fireChannelReadComplete(); // flushes: the peer's buffer drains into the socket
        assertThat(peer.isWritable()).isTrue();
        assertThat(client.config().isAutoRead()).as("the client reads again").isTrue();
        peer.<ByteBuf>readOutbound().release();
    }

    @Test
    void aPeerSpliceWithoutTargetDropsWhatItReadsAndJoinStartsTheRelay() {
        peer.config().setAutoRead(false);
        peer.pipeline().addLast(new TcpSplice(null, relayed::addAndGet));
        ByteBuf early = Unpooled.wrappedBuffer(new byte[]{1});
        peer.pipeline().fireChannelRead(early);
        assertThat(early.refCnt()).isZero();
        TcpSplice.join(peer, client);
        peer.runPendingTasks();
        assertThat(peer.config().isAutoRead()).isTrue();
        peer.pipeline().fireChannelRead(Unpooled.wrappedBuffer(new byte[]{2}));
        peer.pipeline().fireChannelReadComplete();
        ByteBuf out = client.readOutbound();
        assertThat(out.getByte(0)).isEqualTo((byte) 2);
        out.release();
    }

    @Test
    void joiningAClosedPeerClosesTheClientDataConnection() {
        peer.pipeline().addLast(new TcpSplice(null, relayed::addAndGet));
        peer.close();
        TcpSplice.join(peer, client);
        peer.runPendingTasks();
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void eitherSideClosingClosesTheOther() {
        splice(client, peer);
        splice(peer, client);
        client.pipeline().fireChannelRead(Unpooled.wrappedBuffer(new byte[]{7}));
        client.close();
        assertThat(peer.isOpen()).isFalse();
        ByteBuf flushedFirst = peer.readOutbound();
        assertThat(flushedFirst.getByte(0)).isEqualTo((byte) 7);
        flushedFirst.release();
    }

    @Test
    void anExceptionClosesTheConnection() {
        splice(client, peer);
        client.pipeline().fireExceptionCaught(new java.io.IOException("connection reset"));
        assertThat(client.isOpen()).isFalse();
        assertThat(peer.isOpen()).isFalse();
    }
}
