package dev.osprey.media.data;

import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataListener;
import dev.osprey.media.api.DataReliability;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a participant's data path reports (thread-safe: drops may be reported from senders' threads). */
final class RecordingDataListener implements DataListener {
    record Message(String text, DataReliability reliability, String label, int length) {
    }

    record Drop(DataReliability reliability, DataDropReason reason, int bytes) {
    }

    final List<Message> messages = new CopyOnWriteArrayList<>();
    final List<Drop> drops = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void onMessage(ByteBuf message, DataReliability reliability, String channelLabel) {
        messages.add(new Message(new String(ByteBufUtil.getBytes(message), java.nio.charset.StandardCharsets.UTF_8),
                reliability, channelLabel, message.readableBytes()));
    }

    @Override
    public void onDropped(DataReliability reliability, DataDropReason reason, int bytes) {
        drops.add(new Drop(reliability, reason, bytes));
    }

    @Override
    public void onClosed() {
        closed.incrementAndGet();
    }

    long dropped(DataDropReason reason) {
        return drops.stream().filter(d -> d.reason() == reason).count();
    }
}
