package dev.osprey.turn.api;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The RFC 6062 tests again on the epoll transport, which the server uses on Linux: its TCP socket configuration has no
 * SO_REUSEPORT, so the outgoing Connect sets it on the descriptor itself (else the relayed port cannot be shared with
 * the listening socket). Needs Linux with the epoll native library.
 */
class EpollTcpAllocationTest extends TcpAllocationTest {

    @Override
    boolean epoll() {
        return true;
    }

    @BeforeEach
    @Override
    void start() throws IOException {
        assumeTrue(Epoll.isAvailable(), "epoll is not available here");
        super.start();
    }
}
