package dev.osprey.bench.turn;

import dev.osprey.turn.api.TurnConfig;
import dev.osprey.turn.api.TurnServer;
import dev.osprey.turn.api.TurnTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Osprey's TURN relay as a process of its own, for {@code benchmarks/turn-vs-coturn.sh} until the server CLI exists:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.osprey.bench.turn.StandaloneTurnServer --port=3478
 * --user=test:secret --realm=test.local --threads=2 [--min-port=.. --max-port=.. --allow=127.0.0.0/8 --nio]}.
 * Uses epoll with one UDP socket per thread (SO_REUSEPORT) when the epoll jars are on the class path, else NIO.
 * Prints {@code READY <pid>} once listening and runs until killed.
 */
public final class StandaloneTurnServer {
    private StandaloneTurnServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String[] user = options.getOrDefault("user", "test:secret").split(":", 2);
        InetAddress address = InetAddress.getByName(options.getOrDefault("address", "127.0.0.1"));
        TurnConfig config = TurnConfig.builder().enabled(true)
                .listenAddress(address).relayAddresses(List.of(address))
                .udpPort(Integer.parseInt(options.getOrDefault("port", "3478"))).tlsPort(0)
                .realm(options.getOrDefault("realm", "test.local")).users(Map.of(user[0], user[1]))
                .relayRange(Integer.parseInt(options.getOrDefault("min-port", "49152")),
                        Integer.parseInt(options.getOrDefault("max-port", "65535")))
                .allowRestrictedPeerCidrs(List.of(options.getOrDefault("allow", "127.0.0.0/8")))
                .perUserAllocationLimit(0).maxAllocations(0)
                .build();
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        boolean epoll = !options.containsKey("nio") && epollAvailable();
        Transport transport = epoll ? epoll(threads) : nio(threads);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TurnServer server = new TurnServer(config, meters, transport.turn);
        server.start();
        System.out.println("READY " + ProcessHandle.current().pid() + " " + (epoll ? "epoll" : "nio") + " "
                + server.boundAddresses());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            printCounters(meters);
            server.stop();
            transport.group.shutdownGracefully();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The non-zero counters (relayed, dropped by reason, refusals), so that a benchmark shows where loss came from. */
    private static void printCounters(SimpleMeterRegistry meters) {
        meters.getMeters().forEach(meter -> meter.measure().forEach(m -> {
            if (m.getValue() != 0) {
                System.out.println("METER " + meter.getId().getName() + meter.getId().getTags() + " " + m.getValue());
            }
        }));
    }

    private static Transport nio(int threads) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        return new Transport(group, TurnTransport.of(group, NioDatagramChannel.class, NioServerSocketChannel.class));
    }

    /** Epoll through reflection: the benchmarks module does not depend on the native transport jars. */
    @SuppressWarnings("unchecked")
    private static Transport epoll(int threads) throws ReflectiveOperationException {
        IoHandlerFactory factory = (IoHandlerFactory) Class.forName("io.netty.channel.epoll.EpollIoHandler")
                .getMethod("newFactory").invoke(null);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, factory);
        Class<? extends DatagramChannel> datagram =
                (Class<? extends DatagramChannel>) Class.forName("io.netty.channel.epoll.EpollDatagramChannel");
        Class<? extends ServerChannel> server =
                (Class<? extends ServerChannel>) Class.forName("io.netty.channel.epoll.EpollServerSocketChannel");
        Class<?> options = Class.forName("io.netty.channel.epoll.EpollChannelOption");
        ChannelOption<Boolean> reusePort = (ChannelOption<Boolean>) options.getField("SO_REUSEPORT").get(null);
        TurnTransport transport = TurnTransport.of(group, datagram, server).withReusePort(reusePort);
        return new Transport(group, transport);
    }

    private static boolean epollAvailable() {
        try {
            return (Boolean) Class.forName("io.netty.channel.epoll.Epoll").getMethod("isAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value: " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return options;
    }

    private record Transport(EventLoopGroup group, TurnTransport turn) {
    }
}
