package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/** A pair on an ICE-TCP connection (RFC 6544): the connection is the 5-tuple; RFC 4571 framing is added below. */
final class TcpPath implements PacketPath {
    private final Channel channel;
    private final FiveTuple tuple;

    TcpPath(Channel channel, FiveTuple tuple) {
        this.channel = channel;
        this.tuple = tuple;
    }

    @Override
    public FiveTuple tuple() {
        return tuple;
    }

    @Override
    public void write(ByteBuf packet) {
        channel.write(packet, channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void detach(ValidPair pair) {
        channel.close();
    }
}
