package dev.osprey.sctp;

import dev.osprey.sctp.chunk.IDataChunk;
import dev.osprey.sctp.chunk.IForwardTsnChunk.SkippedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembly for I-DATA (RFC 8260 §2.1, §2.3.2): fragments are grouped by stream, ordered/unordered and message
 * identifier and put in order by fragment sequence number, whatever their TSNs; ordered messages are delivered in
 * MID order per stream. As with DATA, a whole single-chunk message next in line is handed out without a copy, and
 * everything held counts against the receive window.
 */
final class InterleavedReassembler {

    private record Key(int streamId, boolean unordered, long mid) {
    }

    private static final class Partial {
        final TreeMap<Long, ByteBuf> fragments = new TreeMap<>();
        long ppid = -1;
        long lastFsn = -1;
    }

    private record Ready(long ppid, ByteBuf message) {
    }

    private static final class OrderedStream {
        long expectedMid;
        final Map<Long, Ready> ready = new HashMap<>();
    }

    private final ByteBufAllocator allocator;
    private final long maxMessageBytes;
    private final SctpCounters counters;
    private final Map<Key, Partial> partials = new HashMap<>();
    private final Map<Integer, OrderedStream> streams = new HashMap<>();
    private long storedBytes;

    InterleavedReassembler(ByteBufAllocator allocator, long maxMessageBytes, SctpCounters counters) {
        this.allocator = allocator;
        this.maxMessageBytes = maxMessageBytes;
        this.counters = counters;
    }

    long storedBytes() {
        return storedBytes;
    }

    void onData(IDataChunk chunk, Reassembler.Sink sink) {
        boolean unordered = chunk.unordered();
        if (chunk.beginning() && chunk.ending()) {
            onWhole(chunk.streamId(), unordered, chunk.mid(), chunk.ppidOrFsn(), chunk.userData(), false, sink);
            return;
        }
        if (!unordered && Tsn.lessThan(chunk.mid(), stream(chunk.streamId()).expectedMid)) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK); // a message already delivered or skipped
            return;
        }
        Key key = new Key(chunk.streamId(), unordered, chunk.mid());
        Partial partial = partials.computeIfAbsent(key, k -> new Partial());
        long fsn = chunk.fsn();
        if (partial.fragments.containsKey(fsn) || (partial.lastFsn >= 0 && fsn > partial.lastFsn)
                || (chunk.ending() && !partial.fragments.isEmpty() && fsn < partial.fragments.lastKey())) {
            counters.increment(SctpCounter.MALFORMED);
            return;
        }
        if (chunk.beginning()) {
            partial.ppid = chunk.ppidOrFsn();
        }
        if (chunk.ending()) {
            partial.lastFsn = fsn;
        }
        ByteBuf data = chunk.userData();
        ByteBuf copy = allocator.buffer(data.readableBytes()).writeBytes(data, data.readerIndex(), data.readableBytes());
        storedBytes += copy.readableBytes();
        partial.fragments.put(fsn, copy);
        if (partial.ppid >= 0 && partial.lastFsn >= 0 && partial.fragments.size() == partial.lastFsn + 1) {
            partials.remove(key);
            CompositeByteBuf message = allocator.compositeBuffer(partial.fragments.size());
            for (ByteBuf fragment : partial.fragments.values()) {
                storedBytes -= fragment.readableBytes();
                message.addComponent(true, fragment);
            }
            onWhole(key.streamId, unordered, key.mid, partial.ppid, message, true, sink);
        }
    }

    private void onWhole(int streamId, boolean unordered, long mid, long ppid, ByteBuf message, boolean owned,
                         Reassembler.Sink sink) {
        if (message.readableBytes() > maxMessageBytes) {
            counters.increment(SctpCounter.MALFORMED); // RFC 8841 §6.1: over our max-message-size
            release(message, owned);
            if (!unordered) {
                skipTo(streamId, mid, sink);
            }
            return;
        }
        if (unordered) {
            deliver(streamId, ppid, message, owned, sink);
            return;
        }
        OrderedStream stream = stream(streamId);
        if (mid == stream.expectedMid) {
            stream.expectedMid = Tsn.add(mid, 1);
            deliver(streamId, ppid, message, owned, sink);
            drain(streamId, stream, sink);
        } else if (Tsn.lessThan(mid, stream.expectedMid) || stream.ready.containsKey(mid)) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            release(message, owned);
        } else {
            ByteBuf kept = owned ? message : allocator.buffer(message.readableBytes()).writeBytes(message,
                    message.readerIndex(), message.readableBytes());
            storedBytes += kept.readableBytes();
            stream.ready.put(mid, new Ready(ppid, kept));
        }
    }

    private OrderedStream stream(int streamId) {
        return streams.computeIfAbsent(streamId, id -> new OrderedStream());
    }

    private void drain(int streamId, OrderedStream stream, Reassembler.Sink sink) {
        Ready next;
        while ((next = stream.ready.remove(stream.expectedMid)) != null) {
            storedBytes -= next.message.readableBytes();
            stream.expectedMid = Tsn.add(stream.expectedMid, 1);
            deliver(streamId, next.ppid, next.message, true, sink);
        }
    }

    /** Every ordered message up to {@code mid} on the stream is delivered or given up; delivery resumes after it. */
    private void skipTo(int streamId, long mid, Reassembler.Sink sink) {
        OrderedStream stream = stream(streamId);
        if (Tsn.lessThan(mid, stream.expectedMid)) {
            return;
        }
        stream.ready.entrySet().removeIf(e -> {
            if (Tsn.lessOrEqual(e.getKey(), mid)) {
                storedBytes -= e.getValue().message.readableBytes();
                e.getValue().message.release();
                return true;
            }
            return false;
        });
        stream.expectedMid = Tsn.add(mid, 1);
        drain(streamId, stream, sink);
    }

    /** RFC 8260 §2.3.2: drops the partial messages named (and earlier ones) and moves ordered streams past them. */
    void forward(List<SkippedMessage> skipped, Reassembler.Sink sink) {
        for (SkippedMessage s : skipped) {
            partials.entrySet().removeIf(e -> {
                Key k = e.getKey();
                if (k.streamId == s.streamId() && k.unordered == s.unordered() && Tsn.lessOrEqual(k.mid, s.mid())) {
                    e.getValue().fragments.values().forEach(f -> {
                        storedBytes -= f.readableBytes();
                        f.release();
                    });
                    return true;
                }
                return false;
            });
            if (!s.unordered()) {
                skipTo(s.streamId(), s.mid(), sink);
            }
        }
    }

    /** RFC 6525 with RFC 8260 §2.3.3: the peer reset these streams; ordered MIDs start at 0 again. */
    void resetStreams(List<Integer> streamIds) {
        if (streamIds.isEmpty()) {
            streams.values().forEach(s -> s.expectedMid = 0);
            return;
        }
        for (int id : streamIds) {
            OrderedStream stream = streams.get(id);
            if (stream != null) {
                stream.expectedMid = 0;
            }
        }
    }

    void releaseAll() {
        partials.values().forEach(p -> p.fragments.values().forEach(ByteBuf::release));
        partials.clear();
        streams.values().forEach(s -> s.ready.values().forEach(r -> r.message.release()));
        streams.clear();
        storedBytes = 0;
    }

    private static void deliver(int streamId, long ppid, ByteBuf message, boolean owned, Reassembler.Sink sink) {
        try {
            sink.deliver(streamId, ppid, message);
        } finally {
            release(message, owned);
        }
    }

    private static void release(ByteBuf message, boolean owned) {
        if (owned) {
            message.release();
        }
    }
}
