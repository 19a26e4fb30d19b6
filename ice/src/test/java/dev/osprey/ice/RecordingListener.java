package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a transport reports; packets are copied and released at once. */
final class RecordingListener implements IceTransportListener {
    record Packet(FiveTuple from, byte[] bytes) {
    }

    final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<FiveTuple> selected = new LinkedBlockingQueue<>();
    final BlockingQueue<IceTransportState> states = new LinkedBlockingQueue<>();
    final BlockingQueue<IceCredentials> restarts = new LinkedBlockingQueue<>();

    @Override
    public void onPacket(IceTransport transport, FiveTuple from, ByteBuf packet) {
        if (!transport.eventLoop().inEventLoop()) {
            throw new AssertionError("callback off the transport's event loop");
        }
        try {
            packets.add(new Packet(from, ByteBufUtil.getBytes(packet)));
        } finally {
            packet.release();
        }
    }

    @Override
    public void onSelectedPairChanged(IceTransport transport, FiveTuple pair) {
        selected.add(pair);
    }

    @Override
    public void onRestartCompleted(IceTransport transport, IceCredentials active) {
        restarts.add(active);
    }

    @Override
    public void onStateChanged(IceTransport transport, IceTransportState state) {
        states.add(state);
    }

    static <T> T next(BlockingQueue<T> queue) {
        try {
            T v = queue.poll(5, TimeUnit.SECONDS);
            if (v == null) {
                throw new AssertionError("nothing arrived within 5 s");
            }
            return v;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
