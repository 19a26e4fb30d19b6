package dev.osprey.turn.net;

import dev.osprey.turn.allocation.FiveTuple;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.server.Allocation;
import dev.osprey.turn.server.ClientConnection;
import dev.osprey.turn.server.TransactionCache;
import dev.osprey.turn.server.TurnMessageDispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One UDP listener socket of the TURN port (RFC 8656 §2.1). On UDP the 5-tuple is the client's address on this
 * socket, so the socket keeps the clients that have an allocation in a map keyed by the sender address: a ChannelData
 * datagram costs one hash lookup before it is relayed. Everything else goes to the dispatcher. Relay sockets written
 * during a read batch are flushed once at its end. Owned by the socket's event loop; one instance per socket.
 */
public final class UdpListenerHandler extends ChannelInboundHandlerAdapter {
    private static final int TRANSACTION_CACHE_ENTRIES = 4096;
    private final TurnMessageDispatcher dispatcher;
    private final Map<InetSocketAddress, UdpClient> clients = new HashMap<>();
    private final TransactionCache transactions =
            new TransactionCache(TRANSACTION_CACHE_ENTRIES, TransactionCache.DEFAULT_TTL_NANOS);
    private final List<Allocation> relaysToFlush = new ArrayList<>();
    private Channel channel;
    private InetSocketAddress localAddress;

    public UdpListenerHandler(TurnMessageDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        localAddress = (InetSocketAddress) channel.localAddress();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            InetSocketAddress sender = packet.sender();
            UdpClient client = clients.get(sender);
            dispatcher.onFrame(packet.content(), client != null ? client : new UdpClient(sender));
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        for (int i = 0; i < relaysToFlush.size(); i++) {
            relaysToFlush.get(i).flushPending();
        }
        relaysToFlush.clear();
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // UDP sockets report ICMP errors and the like here; the listener stays open.
    }

    /** The clients of this socket that have an allocation now. */
    int allocatedClients() {
        return clients.size();
    }

    /** A client address on this socket: the UDP form of a {@link ClientConnection}. */
    private final class UdpClient implements ClientConnection {
        private final InetSocketAddress address;
        private FiveTuple fiveTuple;
        private Allocation allocation;

        UdpClient(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public FiveTuple fiveTuple() {
            if (fiveTuple == null) {
                fiveTuple = new FiveTuple(address, localAddress, TransportProtocol.UDP);
            }
            return fiveTuple;
        }

        @Override
        public EventLoop eventLoop() {
            return channel.eventLoop();
        }

        @Override
        public ByteBufAllocator alloc() {
            return channel.alloc();
        }

        @Override
        public boolean isWritable() {
            return channel.isWritable();
        }

        @Override
        public void write(ByteBuf message) {
            channel.write(new DatagramPacket(message, address), channel.voidPromise());
        }

        @Override
        public void flush() {
            channel.flush();
        }

        @Override
        public Allocation allocation() {
            return allocation;
        }

        @Override
        public void attach(Allocation allocation) {
            this.allocation = allocation;
            clients.put(address, this);
        }

        @Override
        public void detach(Allocation allocation) {
            if (this.allocation == allocation) {
                this.allocation = null;
                clients.remove(address, this);
            }
        }

        @Override
        public TransactionCache transactions() {
            return transactions;
        }

        @Override
        public void flushRelayLater(Allocation allocation) {
            relaysToFlush.add(allocation);
        }

        @Override
        public void spliceTo(Channel peer) {
            throw new UnsupportedOperationException("RFC 6062 data connections are TCP or TLS, never UDP");
        }
    }
}
