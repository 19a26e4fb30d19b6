package dev.osprey.sctp;

import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk;
import dev.osprey.sctp.chunk.IDataChunk;
import dev.osprey.sctp.chunk.IForwardTsnChunk;
import dev.osprey.sctp.chunk.SackChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayDeque;

/**
 * The receiving half of an established association (RFC 9260 §6.2, §6.5, RFC 3758 §3.6): accepts DATA into the TSN
 * record and the reassembler, decides when a SACK is due, and keeps complete messages while the application has
 * paused reading. Everything it holds counts against the advertised window, so a slow reader closes the window
 * instead of growing memory.
 */
final class DataReceiver {

    /** The result of one DATA chunk. */
    enum Verdict { ACCEPTED, DUPLICATE, DROPPED, INVALID_STREAM }

    private record Held(int streamId, long ppid, ByteBuf message) {
    }

    private final ReceivedTsns tsns;
    private final Reassembler reassembler;
    private final InterleavedReassembler interleaved;
    private final SctpSettings settings;
    private final SctpCounters counters;
    private final ByteBufAllocator allocator;
    private final int inboundStreams;
    private final Reassembler.Sink sink;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final Reassembler.Sink holdingSink = this::hold;
    private long heldBytes;
    private boolean paused;
    private boolean sackImmediately;
    private int packetsSinceSack;

    DataReceiver(AssociationParameters params, SctpSettings settings, SctpCounters counters,
                 ByteBufAllocator allocator, Reassembler.Sink sink) {
        this.tsns = new ReceivedTsns(settings.maxOutOfOrderTsns(), settings.maxDuplicatesReported(),
                params.peerInitialTsn());
        this.reassembler = new Reassembler(allocator, settings.maxMessageBytes(), counters);
        this.interleaved = params.interleaving()
                ? new InterleavedReassembler(allocator, settings.maxMessageBytes(), counters) : null;
        this.settings = settings;
        this.counters = counters;
        this.allocator = allocator;
        this.inboundStreams = params.inboundStreams();
        this.sink = sink;
    }

    Verdict onData(DataChunk chunk) {
        Verdict verdict = accept(chunk.tsn(), chunk.streamId(), chunk.immediate());
        if (verdict == Verdict.ACCEPTED) {
            reassembler.onData(chunk, tsns.extend(chunk.tsn()), paused ? holdingSink : sink);
        }
        return verdict;
    }

    /** RFC 8260: an I-DATA chunk; only called when the association agreed on interleaving. */
    Verdict onIData(IDataChunk chunk) {
        Verdict verdict = accept(chunk.tsn(), chunk.streamId(), chunk.immediate());
        if (verdict == Verdict.ACCEPTED) {
            interleaved.onData(chunk, paused ? holdingSink : sink);
        }
        return verdict;
    }

    /** The TSN bookkeeping shared by DATA and I-DATA (RFC 9260 §6.2). */
    private Verdict accept(long tsn, int streamId, boolean immediate) {
        if (immediate) {
            sackImmediately = true; // RFC 7053
        }
        if (windowBytes() == 0 && Tsn.lessThan(tsns.highestTsn(), tsn)) {
            counters.increment(SctpCounter.RECEIVE_BUFFER_FULL); // §6.2: no room beyond what we already have
            sackImmediately = true;
            return Verdict.DROPPED;
        }
        switch (tsns.receive(tsn)) {
            case DUPLICATE -> {
                counters.increment(SctpCounter.DUPLICATE_TSN);
                sackImmediately = true; // §6.2: duplicates are reported at once
                return Verdict.DUPLICATE;
            }
            case OUT_OF_WINDOW -> {
                counters.increment(SctpCounter.TSN_OUT_OF_WINDOW);
                return Verdict.DROPPED;
            }
            case NEW -> { }
        }
        if (tsns.hasGaps()) {
            sackImmediately = true; // §6.7: report gaps without delay
        }
        return streamId >= inboundStreams ? Verdict.INVALID_STREAM : Verdict.ACCEPTED; // §6.5
    }

    /** A packet that carried DATA was processed: every second one is acknowledged at once (§6.2). */
    void onDataPacket() {
        packetsSinceSack++;
        if (packetsSinceSack >= 2 || settings.sackDelayMillis() == 0) {
            sackImmediately = true;
        }
    }

    /** RFC 3758 §3.6. Returns false for a new cumulative TSN outside the window. */
    boolean onForwardTsn(ForwardTsnChunk chunk) {
        if (!tsns.forwardTo(chunk.newCumulativeTsn())) {
            counters.increment(SctpCounter.TSN_OUT_OF_WINDOW);
            return false;
        }
        reassembler.forward(tsns.extend(chunk.newCumulativeTsn()), chunk.skipped(), paused ? holdingSink : sink);
        sackImmediately = true;
        return true;
    }

    /** RFC 8260 §2.3.2: I-FORWARD-TSN. Returns false for a new cumulative TSN outside the window. */
    boolean onIForwardTsn(IForwardTsnChunk chunk) {
        if (!tsns.forwardTo(chunk.newCumulativeTsn())) {
            counters.increment(SctpCounter.TSN_OUT_OF_WINDOW);
            return false;
        }
        interleaved.forward(chunk.skipped(), paused ? holdingSink : sink);
        sackImmediately = true;
        return true;
    }

    boolean interleaving() {
        return interleaved != null;
    }

    boolean sackDue() {
        return sackImmediately;
    }

    boolean sackPending() {
        return packetsSinceSack > 0;
    }

    void requestSack() {
        sackImmediately = true;
    }

    SackChunk takeSack() {
        sackImmediately = false;
        packetsSinceSack = 0;
        return new SackChunk(tsns.cumulativeTsn(), windowBytes(), tsns.gapAckBlocks(settings.maxGapBlocksReported()),
                tsns.takeDuplicates());
    }

    long cumulativeTsn() {
        return tsns.cumulativeTsn();
    }

    /** a_rwnd: the receive buffer minus what reassembly and paused delivery hold. */
    long windowBytes() {
        long stored = reassembler.storedBytes() + (interleaved == null ? 0 : interleaved.storedBytes());
        return Math.max(0, settings.receiveBufferBytes() - stored - heldBytes);
    }

    void resetStreams(java.util.List<Integer> streams) {
        reassembler.resetStreams(streams);
        if (interleaved != null) {
            interleaved.resetStreams(streams);
        }
    }

    void pause() {
        paused = true;
    }

    /** Hands out what was held while paused, in order, until the reader pauses again. */
    void resume() {
        paused = false;
        Held next;
        while (!paused && (next = held.poll()) != null) {
            heldBytes -= next.message.readableBytes();
            try {
                sink.deliver(next.streamId, next.ppid, next.message);
            } finally {
                next.message.release();
            }
        }
        sackImmediately = true; // window update
    }

    boolean paused() {
        return paused;
    }

    private void hold(int streamId, long ppid, ByteBuf message) {
        ByteBuf copy = allocator.buffer(message.readableBytes()).writeBytes(message, message.readerIndex(),
                message.readableBytes());
        heldBytes += copy.readableBytes();
        held.add(new Held(streamId, ppid, copy));
    }

    void releaseAll() {
        reassembler.releaseAll();
        if (interleaved != null) {
            interleaved.releaseAll();
        }
        held.forEach(h -> h.message.release());
        held.clear();
        heldBytes = 0;
    }
}
