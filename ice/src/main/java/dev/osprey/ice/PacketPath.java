package dev.osprey.ice;

import io.netty.buffer.ByteBuf;

/** How packets reach the remote end of one valid pair: a UDP socket and address, or a TCP connection. */
interface PacketPath {
    FiveTuple tuple();

    /** Queues {@code packet} (taking ownership) towards the remote address. */
    void write(ByteBuf packet);

    void flush();

    /** Forgets the routing state behind this pair (a UDP route, or the TCP connection). Any thread. */
    void detach(ValidPair pair);
}
