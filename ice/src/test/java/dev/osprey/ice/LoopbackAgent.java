package dev.osprey.ice;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** An agent on 127.0.0.1 with NIO and ephemeral ports, plus plain-socket clients. */
final class LoopbackAgent implements AutoCloseable {
    final MultiThreadIoEventLoopGroup group;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TestClock clock = new TestClock();
    final IceLiteAgent agent;

    LoopbackAgent(int threads, IceSettings.Builder settings) {
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        agent = new IceLiteAgent(settings.bindAddress("127.0.0.1").udpPort(0).tcpPort(0).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, clock);
        agent.start();
    }

    LoopbackAgent() {
        this(1, IceSettings.builder());
    }

    InetSocketAddress udp() {
        return agent.udpLocalAddresses().get(0);
    }

    double dropped(DropReason reason) {
        return registry.get("osprey.ice.dropped.packets").tag("reason", reason.tag()).counter().count();
    }

    double responses(int code) {
        return registry.get("osprey.ice.binding.responses").tag("code", Integer.toString(code)).counter().count();
    }

    static DatagramSocket client() {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setSoTimeout(5000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(DatagramSocket s, InetSocketAddress to, byte[] bytes) {
        try {
            s.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] receive(DatagramSocket s) {
        try {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return Arrays.copyOf(buf, p.getLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether nothing arrives within {@code wait}; only for asserting silence, never to wait for a state. */
    static boolean silent(DatagramSocket s, Duration wait) {
        try {
            s.setSoTimeout((int) wait.toMillis());
            s.receive(new DatagramPacket(new byte[2048], 2048));
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                s.setSoTimeout(5000);
            } catch (IOException ignored) {
                // the socket is closing
            }
        }
    }

    @Override
    public void close() {
        agent.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
