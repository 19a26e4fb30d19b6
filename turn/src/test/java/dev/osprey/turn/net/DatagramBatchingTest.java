package dev.osprey.turn.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's UDP sockets read a burst of queued datagrams in one batch (one channelReadComplete, so one flush of
 * everything the batch wrote), instead of Netty's default of one datagram per wake-up.
 */
class DatagramBatchingTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aBurstIsReadInOneBatch() throws Exception {
        int burst = 20;
        Counting counting = new Counting(burst);
        Channel channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, NettyRelaySockets.datagramAllocator())
                .handler(counting)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        CountDownLatch queued = new CountDownLatch(1);
        group.next().execute(() -> awaitQuietly(queued)); // the loop waits until the whole burst is in the socket
        try (DatagramSocket sender = new DatagramSocket()) {
            for (int i = 0; i < burst; i++) {
                sender.send(new DatagramPacket(new byte[]{(byte) i}, 1, channel.localAddress()));
            }
        }
        queued.countDown();
        assertThat(counting.allRead.await(5, TimeUnit.SECONDS)).isTrue();
        channel.close().sync();
        assertThat(counting.batches).isEqualTo(1);
    }

    @Test
    void writesOfAFullBatchOfLargestDatagramsStayUnderTheHighWaterMark() {
        assertThat(NettyRelaySockets.WRITE_WATER_MARK.high())
                .isGreaterThan(NettyRelaySockets.MAX_MESSAGES_PER_READ * (NettyRelaySockets.MAX_DATAGRAM_BYTES + 64));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts datagrams and read batches on the channel's loop. */
    private static final class Counting extends ChannelInboundHandlerAdapter {
        final CountDownLatch allRead;
        volatile int batches;
        private int reads;

        Counting(int expected) {
            allRead = new CountDownLatch(expected);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            reads++;
            allRead.countDown();
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (reads > 0) {
                batches++;
                reads = 0;
            }
        }
    }
}
