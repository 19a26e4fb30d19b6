package dev.osprey.sctp;

import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk.SkippedStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordering, fragments, SSN wrap and FORWARD TSN skips of the reassembler, chunk by chunk. */
class ReassemblerTest {
    private static final int BE = DataChunk.FLAG_BEGINNING | DataChunk.FLAG_ENDING;

    private final SctpCounters counters = new SctpCounters();
    private final Reassembler reassembler = new Reassembler(PooledByteBufAllocator.DEFAULT, 1 << 20, counters);
    private final List<String> delivered = new ArrayList<>();
    private final Reassembler.Sink sink = (stream, ppid, message) -> delivered.add(stream + ":"
            + new String(ByteBufUtil.getBytes(message), java.nio.charset.StandardCharsets.US_ASCII));
    private long nextTsn = 1000;

    private void feed(int flags, int stream, int ssn, String text) {
        ByteBuf payload = Unpooled.wrappedBuffer(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long tsn = nextTsn++;
        reassembler.onData(new DataChunk(flags, tsn, stream, ssn, 51, payload), tsn, sink);
    }

    @Test
    void orderedMessagesWaitForTheirTurnAcrossTheSsnWrap() {
        for (int ssn = 0; ssn < 65_534; ssn++) {
            feed(BE, 3, ssn, "x");
        }
        delivered.clear();
        feed(BE, 3, 0, "after-wrap");   // SSN 0 again, but after 65535: must wait
        feed(BE, 3, 65_535, "last-before-wrap");
        assertThat(delivered).isEmpty();
        assertThat(reassembler.storedBytes()).isEqualTo("after-wrap".length() + "last-before-wrap".length());
        feed(BE, 3, 65_534, "second-last");
        assertThat(delivered).containsExactly("3:second-last", "3:last-before-wrap", "3:after-wrap");
        assertThat(reassembler.storedBytes()).isZero();
    }

    @Test
    void fragmentsOfDifferentStreamsAndUnorderedMessagesReassembleIndependently() {
        feed(DataChunk.FLAG_BEGINNING, 1, 0, "he");       // TSN 1000
        feed(DataChunk.FLAG_ENDING, 1, 0, "llo");          // TSN 1001
        feed(BE | DataChunk.FLAG_UNORDERED, 2, 0, "u");    // TSN 1002
        nextTsn = 1005;
        feed(DataChunk.FLAG_ENDING | DataChunk.FLAG_UNORDERED, 4, 0, "ld"); // TSN 1005 first: incomplete
        nextTsn = 1003;
        feed(DataChunk.FLAG_BEGINNING | DataChunk.FLAG_UNORDERED, 4, 0, "wo"); // 1003
        assertThat(delivered).containsExactly("1:hello", "2:u");
        feed(DataChunk.FLAG_UNORDERED, 4, 0, "r");          // 1004 completes "world"
        assertThat(delivered).containsExactly("1:hello", "2:u", "4:world");
        assertThat(reassembler.storedBytes()).isZero();
    }

    @Test
    void forwardTsnDropsPartialMessagesAndSkipsOrderedSsns() {
        feed(DataChunk.FLAG_BEGINNING, 5, 0, "never");     // 1000: its end was abandoned by the sender
        nextTsn = 1002;
        feed(BE, 5, 2, "third");                           // 1002, SSN 2 waits for SSN 1
        reassembler.forward(1001, List.of(new SkippedStream(5, 1)), sink);
        assertThat(delivered).containsExactly("5:third");
        assertThat(reassembler.storedBytes()).isZero();
        feed(BE, 5, 3, "fourth");
        assertThat(delivered).containsExactly("5:third", "5:fourth");
    }

    @Test
    void messagesAboveTheLimitAreDroppedAndTheStreamMovesOn() {
        Reassembler small = new Reassembler(PooledByteBufAllocator.DEFAULT, 4, counters);
        small.onData(new DataChunk(BE, 1, 0, 0, 51, Unpooled.wrappedBuffer(new byte[5])), 1, sink);
        small.onData(new DataChunk(BE, 2, 0, 1, 51, Unpooled.wrappedBuffer("ok".getBytes())), 2, sink);
        assertThat(delivered).containsExactly("0:ok");
        assertThat(counters.count(SctpCounter.MALFORMED)).isEqualTo(1);
    }

    @Test
    void streamResetRestartsSsnsAtZero() {
        feed(BE, 7, 0, "a");
        feed(BE, 7, 1, "b");
        reassembler.resetStreams(List.of(7));
        feed(BE, 7, 0, "c");
        assertThat(delivered).containsExactly("7:a", "7:b", "7:c");
        reassembler.releaseAll();
    }
}
