package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of every RTCP builder through the compound reader and the matching flyweight. */
class RtcpPropertiesTest {

    /** Writes with {@code writer}, checks the compound walks to one packet of the written length, hands it over. */
    private static void roundTrip(Consumer<ByteBuf> writer, Consumer<RtcpCompoundReader> check) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        try {
            writer.accept(buf);
            RtcpCompoundReader reader = new RtcpCompoundReader().wrap(buf);
            assertThat(reader.next()).isTrue();
            assertThat(reader.packetLength()).isEqualTo(buf.readableBytes());
            check.accept(reader);
            assertThat(reader.next()).isFalse();
        } finally {
            buf.release();
        }
    }

    private static ReportBlock[] blocks(Random random, int n) {
        ReportBlock[] blocks = new ReportBlock[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = new ReportBlock(random.nextInt(), random.nextInt(256),
                    random.nextInt(1 << 24) - (1 << 23), random.nextInt() & 0xFFFFFFFFL, random.nextInt() & 0xFFFFFFFFL,
                    random.nextInt() & 0xFFFFFFFFL, random.nextInt() & 0xFFFFFFFFL);
        }
        return blocks;
    }

    @Property(tries = 100)
    void senderReport(@ForAll long seed, @ForAll @IntRange(max = 31) int blockCount) {
        Random random = new Random(seed);
        int ssrc = random.nextInt();
        long ntp = random.nextLong();
        int rtp = random.nextInt();
        long packets = random.nextInt() & 0xFFFFFFFFL;
        long octets = random.nextInt() & 0xFFFFFFFFL;
        ReportBlock[] blocks = blocks(random, blockCount);
        roundTrip(buf -> SenderReport.write(buf, ssrc, ntp, rtp, packets, octets, blocks), reader -> {
            SenderReport sr = new SenderReport();
            sr.wrap(reader);
            assertThat(new long[] {sr.ssrc(), sr.ntpTimestamp(), sr.rtpTimestamp(), sr.packetCount(), sr.octetCount()})
                    .containsExactly(ssrc, ntp, rtp, packets, octets);
            for (int i = 0; i < blockCount; i++) {
                assertThat(ReportBlock.read(sr, i)).isEqualTo(blocks[i]);
            }
        });
    }

    @Property(tries = 100)
    void receiverReport(@ForAll long seed, @ForAll @IntRange(max = 31) int blockCount) {
        Random random = new Random(seed);
        int ssrc = random.nextInt();
        ReportBlock[] blocks = blocks(random, blockCount);
        roundTrip(buf -> ReceiverReport.write(buf, ssrc, blocks), reader -> {
            ReceiverReport rr = new ReceiverReport();
            rr.wrap(reader);
            assertThat(rr.ssrc()).isEqualTo(ssrc);
            assertThat(rr.reportCount()).isEqualTo(blockCount);
            for (int i = 0; i < blockCount; i++) {
                assertThat(ReportBlock.read(rr, i)).isEqualTo(blocks[i]);
            }
        });
    }

    @Property(tries = 100)
    void sourceDescription(@ForAll long seed) {
        Random random = new Random(seed);
        List<SourceDescription.Chunk> chunks = new ArrayList<>();
        for (int c = random.nextInt(4); c > 0; c--) {
            List<SourceDescription.Item> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(new SourceDescription.Item(1 + random.nextInt(255), text(random, random.nextInt(40))));
            }
            chunks.add(new SourceDescription.Chunk(random.nextInt(), items));
        }
        roundTrip(buf -> SourceDescription.write(buf, chunks), reader -> {
            SourceDescription sdes = new SourceDescription();
            sdes.wrap(reader);
            List<SourceDescription.Chunk> read = new ArrayList<>();
            for (int c = sdes.firstChunk(); c >= 0; c = sdes.nextChunk(c)) {
                List<SourceDescription.Item> items = new ArrayList<>();
                for (int i = sdes.firstItem(c); i >= 0; i = sdes.nextItem(i)) {
                    items.add(new SourceDescription.Item(sdes.itemType(i), sdes.itemText(i)));
                }
                read.add(new SourceDescription.Chunk(sdes.chunkSsrc(c), items));
            }
            assertThat(read).isEqualTo(chunks);
        });
    }

    @Property(tries = 100)
    void goodbye(@ForAll long seed, @ForAll boolean withReason) {
        Random random = new Random(seed);
        int[] ssrcs = random.ints(random.nextInt(32)).toArray();
        String reason = withReason ? text(random, random.nextInt(100)) : null;
        roundTrip(buf -> Goodbye.write(buf, ssrcs, reason), reader -> {
            Goodbye bye = new Goodbye();
            bye.wrap(reader);
            int[] read = new int[bye.sourceCount()];
            for (int i = 0; i < read.length; i++) {
                read[i] = bye.ssrc(i);
            }
            assertThat(read).containsExactly(ssrcs);
            assertThat(bye.reason()).isEqualTo(reason);
        });
    }

    @Property(tries = 50)
    void applicationDefined(@ForAll @IntRange(max = 31) int subtype, @ForAll int ssrc, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[4 * random.nextInt(10)];
        random.nextBytes(data);
        String name = text(random, 4);
        roundTrip(buf -> ApplicationDefined.write(buf, subtype, ssrc, name, data), reader -> {
            ApplicationDefined app = new ApplicationDefined();
            app.wrap(reader);
            assertThat(app.subtype()).isEqualTo(subtype);
            assertThat(app.ssrc()).isEqualTo(ssrc);
            assertThat(app.name()).isEqualTo(name);
            byte[] read = new byte[app.dataLength()];
            app.buffer().getBytes(app.dataIndex(), read);
            assertThat(read).isEqualTo(data);
        });
    }

    @Property(tries = 200)
    void genericNack(@ForAll @IntRange(max = 65535) int start, @ForAll long seed) {
        Random random = new Random(seed);
        TreeSet<Integer> offsets = new TreeSet<>();
        offsets.add(0);
        for (int n = random.nextInt(40); n > 0; n--) {
            offsets.add(random.nextInt(random.nextBoolean() ? 40 : 3000));
        }
        int[] seqs = offsets.stream().mapToInt(o -> (start + o) & 0xFFFF).toArray();
        roundTrip(buf -> GenericNack.write(buf, 1, 2, seqs, seqs.length), reader -> {
            GenericNack nack = new GenericNack();
            nack.wrap(reader);
            List<Integer> lost = new ArrayList<>();
            nack.forEachLost(lost::add);
            assertThat(lost).containsExactlyElementsOf(offsets.stream().map(o -> (start + o) & 0xFFFF).toList());
            assertThat(nack.lostCount()).isEqualTo(seqs.length);
        });
    }

    @Property(tries = 50)
    void pictureLossAndFullIntraRequest(@ForAll int sender, @ForAll int media, @ForAll long seed) {
        roundTrip(buf -> PictureLossIndication.write(buf, sender, media), reader -> {
            PictureLossIndication pli = new PictureLossIndication();
            pli.wrap(reader);
            assertThat(pli.senderSsrc()).isEqualTo(sender);
            assertThat(pli.mediaSsrc()).isEqualTo(media);
        });
        Random random = new Random(seed);
        int[] ssrcs = random.ints(1 + random.nextInt(8)).toArray();
        int[] seqs = random.ints(ssrcs.length, 0, 256).toArray();
        roundTrip(buf -> FullIntraRequest.write(buf, sender, ssrcs, seqs), reader -> {
            FullIntraRequest fir = new FullIntraRequest();
            fir.wrap(reader);
            assertThat(fir.entryCount()).isEqualTo(ssrcs.length);
            for (int i = 0; i < ssrcs.length; i++) {
                assertThat(fir.ssrc(i)).isEqualTo(ssrcs[i]);
                assertThat(fir.sequenceNumber(i)).isEqualTo(seqs[i]);
            }
        });
    }

    @Property(tries = 200)
    void remb(@ForAll @LongRange(max = 1L << 50) long bitrate, @ForAll long seed) {
        int[] ssrcs = new Random(seed).ints(new Random(seed).nextInt(6)).toArray();
        roundTrip(buf -> ReceiverEstimatedMaxBitrate.write(buf, 7, bitrate, ssrcs), reader -> {
            ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
            remb.wrap(reader);
            long read = remb.bitrateBps();
            int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
            assertThat(read).isLessThanOrEqualTo(bitrate);
            assertThat(bitrate - read).isLessThan(1L << exponent);
            assertThat(remb.ssrcCount()).isEqualTo(ssrcs.length);
            for (int i = 0; i < ssrcs.length; i++) {
                assertThat(remb.ssrc(i)).isEqualTo(ssrcs[i]);
            }
        });
    }

    @Property(tries = 200)
    void transportFeedback(@ForAll @IntRange(max = 65535) int base, @ForAll long seed) {
        Random random = new Random(seed);
        long reference = random.nextLong(1L << 40);
        TransportFeedbackWriter writer = new TransportFeedbackWriter().reset(1, 2, base, reference, random.nextInt(256));
        List<int[]> sent = new ArrayList<>(); // {index, arrival offset}
        long arrival = reference;
        int index = 0;
        for (int n = 1 + random.nextInt(random.nextBoolean() ? 20 : 400); n > 0; n--) {
            int gap = random.nextInt(10) < 8 ? 0 : random.nextInt(random.nextBoolean() ? 3 : 30);
            index += gap;
            arrival += random.nextInt(10) < 8 ? random.nextInt(20_000) : random.nextInt(200_000) - 100_000;
            if (writer.addReceived((base + index) & 0xFFFF, arrival)) {
                sent.add(new int[] {index, (int) (arrival - reference)});
            }
            index++;
        }
        roundTrip(writer::write, reader -> {
            TransportFeedback tf = new TransportFeedback();
            tf.wrap(reader);
            assertThat(tf.baseSequence()).isEqualTo(base);
            assertThat(tf.statusCount()).isEqualTo(writer.statusCount());
            assertThat(tf.receivedCount()).isEqualTo(sent.size());
            long floorReference = Math.floorDiv(reference, 64_000) * 64_000;
            long reconstructed = floorReference;
            int next = 0;
            for (int i = 0; i < tf.statusCount(); i++) {
                boolean expected = next < sent.size() && sent.get(next)[0] == i;
                assertThat(tf.isReceived(i)).isEqualTo(expected);
                if (expected) {
                    reconstructed += 250L * tf.receiveDeltaTicks(i);
                    long actual = reference + sent.get(next)[1];
                    assertThat(actual - reconstructed).isBetween(0L, 249L);
                    next++;
                }
            }
            assertThat(tf.referenceTime()).isEqualTo(((int) (floorReference / 64_000)) << 8 >> 8); // signed 24 bits
        });
    }

    @Property(tries = 50)
    void extendedReports(@ForAll int ssrc, @ForAll long ntp, @ForAll long seed) {
        roundTrip(buf -> ExtendedReport.writeReceiverReferenceTime(buf, ssrc, ntp), reader -> {
            ExtendedReport xr = new ExtendedReport();
            xr.wrap(reader);
            assertThat(xr.ssrc()).isEqualTo(ssrc);
            assertThat(xr.referenceTimeNtp(xr.firstBlock())).isEqualTo(ntp);
        });
        Random random = new Random(seed);
        int n = 1 + random.nextInt(10);
        int[] ssrcs = random.ints(n).toArray();
        long[] lrr = random.longs(n, 0, 1L << 32).toArray();
        long[] dlrr = random.longs(n, 0, 1L << 32).toArray();
        roundTrip(buf -> ExtendedReport.writeDlrr(buf, ssrc, ssrcs, lrr, dlrr), reader -> {
            ExtendedReport xr = new ExtendedReport();
            xr.wrap(reader);
            int block = xr.firstBlock();
            assertThat(xr.dlrrCount(block)).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(xr.dlrrSsrc(block, i)).isEqualTo(ssrcs[i]);
                assertThat(xr.lastReceiverReport(block, i)).isEqualTo(lrr[i]);
                assertThat(xr.delaySinceLastReceiverReport(block, i)).isEqualTo(dlrr[i]);
            }
        });
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('A' + random.nextInt(58)));
        }
        return s.toString();
    }
}
