package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/** A pair on a shared UDP socket: datagrams to one remote address, routed back by the socket's route table. */
final class UdpPath implements PacketPath {
    private final UdpMuxHandler mux;
    private final Channel channel;
    private final InetSocketAddress remote;
    private final FiveTuple tuple;

    UdpPath(UdpMuxHandler mux, Channel channel, InetSocketAddress local, InetSocketAddress remote) {
        this.mux = mux;
        this.channel = channel;
        this.remote = remote;
        this.tuple = new FiveTuple(TransportProtocol.UDP, local, remote);
    }

    @Override
    public FiveTuple tuple() {
        return tuple;
    }

    @Override
    public void write(ByteBuf packet) {
        channel.write(new DatagramPacket(packet, remote), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void detach(ValidPair pair) {
        mux.removeRoute(remote, pair);
    }
}
