package dev.osprey.turn.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * What one allocation relayed during a read batch to allocations of this server that other event loops own
 * ({@link HairpinRelay}). Messages are queued here and, when the batch ends, handed to each target loop as one task
 * that queues them on the targets' clients and flushes each client once: one cross-thread hand-off per loop and batch,
 * where the kernel path would take a datagram send and receive per message. Owned by the sending allocation's loop.
 */
final class HairpinOutbox {
    private final PeerDataRelay toClient;
    private final InetSocketAddress from;
    private final List<Allocation> targets = new ArrayList<>();
    private final List<ByteBuf> payloads = new ArrayList<>();

    /**
     * @param toClient the peer-to-client relay the targets' loops run
     * @param from     the sending allocation's relayed address: the peer address the targets see
     */
    HairpinOutbox(PeerDataRelay toClient, InetSocketAddress from) {
        this.toClient = toClient;
        this.from = from;
    }

    /** Queues {@code payload} (ownership taken) for {@code target}. */
    void add(Allocation target, ByteBuf payload) {
        targets.add(target);
        payloads.add(payload);
    }

    /** Hands every queued message to its target's loop, one task per loop, in the order they were queued. */
    void handOff() {
        while (!targets.isEmpty()) {
            EventLoop loop = targets.get(0).client().eventLoop();
            List<Allocation> toLoop = new ArrayList<>();
            List<ByteBuf> dataToLoop = new ArrayList<>();
            int kept = 0;
            for (int i = 0; i < targets.size(); i++) {
                Allocation target = targets.get(i);
                if (target.client().eventLoop() == loop) {
                    toLoop.add(target);
                    dataToLoop.add(payloads.get(i));
                } else {
                    targets.set(kept, target);
                    payloads.set(kept++, payloads.get(i));
                }
            }
            targets.subList(kept, targets.size()).clear();
            payloads.subList(kept, payloads.size()).clear();
            submit(loop, toLoop, dataToLoop);
        }
    }

    private void submit(EventLoop loop, List<Allocation> toLoop, List<ByteBuf> dataToLoop) {
        try {
            loop.execute(() -> deliver(toLoop, dataToLoop));
        } catch (RejectedExecutionException stopping) {
            dataToLoop.forEach(ByteBuf::release); // the target loop is shutting down with its allocations
        }
    }

    /** Runs on the targets' loop. */
    private void deliver(List<Allocation> toLoop, List<ByteBuf> dataToLoop) {
        List<Allocation> toFlush = new ArrayList<>(2);
        for (int i = 0; i < toLoop.size(); i++) {
            Allocation target = toLoop.get(i);
            ByteBuf payload = dataToLoop.get(i);
            try {
                if (toClient.toClient(target, payload, from) && target.markClientFlushPending()) {
                    toFlush.add(target);
                }
            } finally {
                payload.release();
            }
        }
        toFlush.forEach(Allocation::flushPending);
    }
}
