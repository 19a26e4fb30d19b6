package dev.osprey.sctp;

import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk.SkippedStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns received DATA chunks back into messages (RFC 9260 §6.5, §6.6, §6.9): fragments of one message carry
 * consecutive TSNs from a B-flagged to an E-flagged chunk; unordered messages go out as soon as they are whole,
 * ordered ones in stream sequence order per stream. A single-chunk message that is next in line is handed out as a
 * view of the packet (no copy); whatever has to wait is copied, and counted against the receive window.
 */
final class Reassembler {

    /** Receives each complete message; the buffer is only lent for the duration of the call. */
    @FunctionalInterface
    interface Sink {
        void deliver(int streamId, long ppid, ByteBuf message);
    }

    private record Fragment(int flags, int streamId, int ssn, long ppid, ByteBuf data) {
        boolean continues(Fragment earlier) {
            return streamId == earlier.streamId && (flags & DataChunk.FLAG_UNORDERED)
                    == (earlier.flags & DataChunk.FLAG_UNORDERED)
                    && ((flags & DataChunk.FLAG_UNORDERED) != 0 || ssn == earlier.ssn)
                    && (earlier.flags & DataChunk.FLAG_ENDING) == 0 && (flags & DataChunk.FLAG_BEGINNING) == 0;
        }
    }

    private record Ready(long ppid, ByteBuf message) {
    }

    private static final class InboundStream {
        int expectedSsn;
        final Map<Integer, Ready> ready = new HashMap<>();
    }

    private final ByteBufAllocator allocator;
    private final long maxMessageBytes;
    private final SctpCounters counters;
    private final TreeMap<Long, Fragment> fragments = new TreeMap<>();
    private final Map<Integer, InboundStream> streams = new HashMap<>();
    private long storedBytes;

    Reassembler(ByteBufAllocator allocator, long maxMessageBytes, SctpCounters counters) {
        this.allocator = allocator;
        this.maxMessageBytes = maxMessageBytes;
        this.counters = counters;
    }

    /** Bytes held for reassembly or ordering, counted against the advertised window. */
    long storedBytes() {
        return storedBytes;
    }

    /** A chunk whose TSN was new; {@code extendedTsn} is its non-wrapping position. */
    void onData(DataChunk chunk, long extendedTsn, Sink sink) {
        if (chunk.beginning() && chunk.ending()) {
            onWholeMessage(chunk.streamId(), chunk.unordered(), chunk.ssn(), chunk.ppid(), chunk.userData(), false,
                    sink);
            return;
        }
        ByteBuf copy = allocator.buffer(chunk.userData().readableBytes()).writeBytes(chunk.userData(),
                chunk.userData().readerIndex(), chunk.userData().readableBytes());
        storedBytes += copy.readableBytes();
        fragments.put(extendedTsn, new Fragment(chunk.flags(), chunk.streamId(), chunk.ssn(), chunk.ppid(), copy));
        tryAssemble(extendedTsn, sink);
    }

    private void tryAssemble(long key, Sink sink) {
        long first = key;
        Fragment cursor = fragments.get(key);
        while ((cursor.flags & DataChunk.FLAG_BEGINNING) == 0) {
            Fragment previous = fragments.get(first - 1);
            if (previous == null || !cursor.continues(previous)) {
                return;
            }
            first--;
            cursor = previous;
        }
        long last = key;
        cursor = fragments.get(key);
        while ((cursor.flags & DataChunk.FLAG_ENDING) == 0) {
            Fragment next = fragments.get(last + 1);
            if (next == null || !next.continues(cursor)) {
                return;
            }
            last++;
            cursor = next;
        }
        Fragment head = fragments.get(first);
        CompositeByteBuf message = allocator.compositeBuffer((int) Math.min(Integer.MAX_VALUE, last - first + 1));
        for (long k = first; k <= last; k++) {
            Fragment f = fragments.remove(k);
            storedBytes -= f.data.readableBytes();
            message.addComponent(true, f.data);
        }
        onWholeMessage(head.streamId, (head.flags & DataChunk.FLAG_UNORDERED) != 0, head.ssn, head.ppid, message,
                true, sink);
    }

    /** {@code owned}: the buffer is ours to release; otherwise it is a view of the packet. */
    private void onWholeMessage(int streamId, boolean unordered, int ssn, long ppid, ByteBuf message, boolean owned,
                                Sink sink) {
        if (message.readableBytes() > maxMessageBytes) {
            counters.increment(SctpCounter.MALFORMED); // RFC 8841 §6.1: the peer ignored our max-message-size
            release(message, owned);
            if (!unordered) {
                skipOrdered(streamId, ssn, sink);
            }
            return;
        }
        if (unordered) {
            deliver(streamId, ppid, message, owned, sink);
            return;
        }
        InboundStream stream = streams.computeIfAbsent(streamId, id -> new InboundStream());
        if (ssn == stream.expectedSsn) {
            stream.expectedSsn = Tsn.nextSsn(ssn);
            deliver(streamId, ppid, message, owned, sink);
            drainReady(streamId, stream, sink);
        } else if (Tsn.ssnLessOrEqual(ssn, stream.expectedSsn) || stream.ready.containsKey(ssn)) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK); // an SSN already delivered or skipped
            release(message, owned);
        } else {
            ByteBuf kept = owned ? message : allocator.buffer(message.readableBytes()).writeBytes(message,
                    message.readerIndex(), message.readableBytes());
            storedBytes += kept.readableBytes();
            stream.ready.put(ssn, new Ready(ppid, kept));
        }
    }

    private void skipOrdered(int streamId, int ssn, Sink sink) {
        InboundStream stream = streams.computeIfAbsent(streamId, id -> new InboundStream());
        if (ssn == stream.expectedSsn) {
            stream.expectedSsn = Tsn.nextSsn(ssn);
            drainReady(streamId, stream, sink);
        }
    }

    private void drainReady(int streamId, InboundStream stream, Sink sink) {
        Ready next;
        while ((next = stream.ready.remove(stream.expectedSsn)) != null) {
            storedBytes -= next.message.readableBytes();
            stream.expectedSsn = Tsn.nextSsn(stream.expectedSsn);
            deliver(streamId, next.ppid, next.message, true, sink);
        }
    }

    private static void deliver(int streamId, long ppid, ByteBuf message, boolean owned, Sink sink) {
        try {
            sink.deliver(streamId, ppid, message);
        } finally {
            release(message, owned);
        }
    }

    /**
     * RFC 3758 §3.6: drops fragments up to the new cumulative TSN and, for each ordered stream named, skips the
     * stream sequence numbers up to the one given, delivering what is then in order.
     */
    void forward(long newCumulativeExtended, List<SkippedStream> skipped, Sink sink) {
        Iterator<Map.Entry<Long, Fragment>> it = fragments.headMap(newCumulativeExtended, true).entrySet().iterator();
        while (it.hasNext()) {
            Fragment f = it.next().getValue();
            storedBytes -= f.data.readableBytes();
            f.data.release();
            it.remove();
        }
        for (SkippedStream s : skipped) {
            InboundStream stream = streams.computeIfAbsent(s.streamId(), id -> new InboundStream());
            if (!Tsn.ssnLessOrEqual(stream.expectedSsn, s.ssn())) {
                continue; // already past it
            }
            for (int ssn = stream.expectedSsn; ; ssn = Tsn.nextSsn(ssn)) {
                Ready dropped = stream.ready.remove(ssn);
                if (dropped != null) {
                    storedBytes -= dropped.message.readableBytes();
                    dropped.message.release();
                }
                if (ssn == s.ssn()) {
                    break;
                }
            }
            stream.expectedSsn = Tsn.nextSsn(s.ssn());
            drainReady(s.streamId(), stream, sink);
        }
    }

    /** RFC 6525 §5.2.2: the peer reset these outgoing streams; their next SSN is 0 again. */
    void resetStreams(List<Integer> streamIds) {
        if (streamIds.isEmpty()) {
            streams.values().forEach(s -> s.expectedSsn = 0);
            return;
        }
        for (int id : streamIds) {
            InboundStream stream = streams.get(id);
            if (stream != null) {
                stream.expectedSsn = 0;
            }
        }
    }

    /** Releases everything held; the association is gone. */
    void releaseAll() {
        fragments.values().forEach(f -> f.data.release());
        fragments.clear();
        streams.values().forEach(s -> s.ready.values().forEach(r -> r.message.release()));
        streams.clear();
        storedBytes = 0;
    }

    private static void release(ByteBuf message, boolean owned) {
        if (owned) {
            message.release();
        }
    }
}
