package dev.osprey.media.forward;

import dev.osprey.rtp.RtpTimestamp;
import dev.osprey.rtp.SequenceUnwrapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuity of the stream one subscriber sees, over random simulcast scenarios: three layers with their own
 * sequence, timestamp and picture-id bases (started near wraparound), key frames at random, the target layer changing
 * at random (including pauses), padding-only packets dropped on purpose, and packets delayed (reordered) so they
 * arrive late and fill gaps.
 */
class ForwarderPropertiesTest {
    private static final int LAYERS = 3;
    private static final int CLOCK = 90_000;

    /** One packet as the publisher sent it. */
    record Sent(int layer, int seq, int ts, int pid, int tl0, boolean keyframe, boolean padding, long sentNanos) {
    }

    /** One packet as the subscriber got it. */
    record Out(Sent in, int seq, int ts, int pid, int tl0, boolean late) {
    }

    private static List<Sent> publish(Random r, int frames) {
        int[] seq = new int[LAYERS];
        int[] ts = new int[LAYERS];
        int[] pid = new int[LAYERS];
        int[] tl0 = new int[LAYERS];
        for (int l = 0; l < LAYERS; l++) {
            seq[l] = r.nextBoolean() ? 65_536 - 1 - r.nextInt(40) : r.nextInt(65_536);
            ts[l] = r.nextBoolean() ? -1 - r.nextInt(100_000) : r.nextInt();
            pid[l] = r.nextInt(0x8000);
            tl0[l] = r.nextInt(256);
        }
        List<Sent> sent = new ArrayList<>();
        long now = 0;
        for (int f = 0; f < frames; f++) {
            now += 33_333_333L;
            for (int l = 0; l < LAYERS; l++) {
                boolean key = f == 0 || r.nextInt(12) == 0;
                int packets = 1 + r.nextInt(l + 2);
                for (int p = 0; p < packets; p++) {
                    sent.add(new Sent(l, seq[l], ts[l], pid[l], tl0[l], key && p == 0, false, now));
                    seq[l] = (seq[l] + 1) & 0xFFFF;
                }
                if (r.nextInt(6) == 0) {
                    sent.add(new Sent(l, seq[l], ts[l], -1, -1, false, true, now));
                    seq[l] = (seq[l] + 1) & 0xFFFF;
                }
                ts[l] += 3000;
                pid[l] = (pid[l] + 1) & 0x7FFF;
                tl0[l] = (tl0[l] + 1) & 0xFF;
            }
        }
        return sent;
    }

    /** Delays some packets by a few positions within the same layer's flow. */
    private static List<Sent> reorder(Random r, List<Sent> sent, int percent) {
        List<Sent> out = new ArrayList<>(sent);
        for (int i = 0; i < out.size() - 8; i++) {
            if (r.nextInt(100) < percent) {
                Sent delayed = out.remove(i);
                out.add(i + 1 + r.nextInt(6), delayed);
            }
        }
        return out;
    }

    private static List<Out> forward(Random r, List<Sent> arrivals, List<Integer> switchesAt) {
        Forwarder forwarder = new Forwarder(CLOCK);
        SequenceUnwrapper[] unwrap = new SequenceUnwrapper[LAYERS];
        long[] highest = new long[LAYERS];
        List<Set<Long>> received = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            unwrap[l] = new SequenceUnwrapper();
            highest[l] = Long.MIN_VALUE;
            received.add(new HashSet<>());
        }
        ReceivedPacket in = new ReceivedPacket();
        List<Out> out = new ArrayList<>();
        int target = r.nextInt(LAYERS);
        for (int i = 0; i < arrivals.size(); i++) {
            if (r.nextInt(40) == 0) {
                target = r.nextInt(LAYERS + 1) - 1;
                switchesAt.add(i);
            }
            Sent s = arrivals.get(i);
            long ext = unwrap[s.layer].unwrap(s.seq);
            in.reset();
            in.layer = s.layer;
            in.extendedSequence = ext;
            in.timestamp = s.ts;
            in.keyframe = s.keyframe;
            in.paddingOnly = s.padding;
            in.pictureId = s.pid;
            in.tl0PicIdx = s.tl0;
            in.late = ext < highest[s.layer];
            in.recovered = in.late && !received.get(s.layer).contains(ext);
            received.get(s.layer).add(ext);
            highest[s.layer] = Math.max(highest[s.layer], ext);
            long now = s.sentNanos + 1_000_000L * i % 7;
            if (forwarder.accept(in, target, now)) {
                StreamRewriter w = forwarder.rewriter();
                out.add(new Out(s, w.outSequence(), w.outTimestamp(), w.outPictureId(), w.outTl0PicIdx(), in.late));
            }
        }
        return out;
    }

    @Property(tries = 150)
    void inOrderArrivalsGiveAGapFreeMonotonicStream(@ForAll long seed, @ForAll @IntRange(min = 20, max = 150) int frames) {
        Random r = new Random(seed);
        List<Out> out = forward(r, publish(r, frames), new ArrayList<>());
        for (int i = 1; i < out.size(); i++) {
            Out prev = out.get(i - 1);
            Out cur = out.get(i);
            assertThat(cur.seq).as("sequence continues at %d", i).isEqualTo((prev.seq + 1) & 0xFFFF);
            int tsStep = RtpTimestamp.diff(cur.ts, prev.ts);
            assertThat(tsStep).as("timestamps never go back").isGreaterThanOrEqualTo(0);
            if (cur.in.layer != prev.in.layer) {
                assertThat(cur.in.keyframe).as("a layer switch starts at a key frame").isTrue();
                assertThat(tsStep).as("a switch advances the timestamp").isPositive();
                assertThat((cur.pid - prev.pid) & 0x7FFF).as("picture id continues across a switch").isEqualTo(1);
                assertThat((cur.tl0 - prev.tl0) & 0xFF).isEqualTo(1);
            } else {
                assertThat((cur.pid - prev.pid) & 0x7FFF).isIn(0, 1);
                assertThat((cur.tl0 - prev.tl0) & 0xFF).isIn(0, 1);
            }
            assertThat(cur.in.padding).isFalse();
        }
        if (!out.isEmpty()) {
            assertThat(out.get(0).in.keyframe).isTrue();
        }
    }

    @Property(tries = 150)
    void lateArrivalsFillTheirHolesAndNoOutputNumberRepeats(@ForAll long seed,
                                                            @ForAll @IntRange(min = 20, max = 150) int frames,
                                                            @ForAll @IntRange(min = 1, max = 15) int reorderPercent) {
        Random r = new Random(seed);
        List<Sent> sent = publish(r, frames);
        List<Out> out = forward(r, reorder(r, sent, reorderPercent), new ArrayList<>());
        SequenceUnwrapper unwrap = new SequenceUnwrapper();
        Set<Long> outputs = new HashSet<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        Out lastInOrder = null;
        for (Out o : out) {
            long ext = unwrap.unwrap(o.seq);
            assertThat(outputs.add(ext)).as("output %d used twice", o.seq).isTrue();
            min = Math.min(min, ext);
            max = Math.max(max, ext);
            if (!o.late) {
                if (lastInOrder != null && lastInOrder.in.layer != o.in.layer) {
                    assertThat(o.in.keyframe).isTrue();
                }
                lastInOrder = o;
            }
        }
        if (!out.isEmpty()) {
            // every hole left by a delayed packet was filled when it arrived: nothing was lost on the way
            assertThat(outputs).hasSize((int) (max - min + 1));
        }
    }

    @Property(tries = 100)
    void theTargetLayerIsReachedAtItsNextKeyFrame(@ForAll long seed) {
        Random r = new Random(seed);
        Forwarder forwarder = new Forwarder(CLOCK);
        ReceivedPacket in = new ReceivedPacket();
        long[] seq = {r.nextInt(65_536), r.nextInt(65_536), r.nextInt(65_536)};
        int target = 2;
        for (int frame = 0; frame < 200; frame++) {
            if (frame % 50 == 10) {
                target = r.nextInt(LAYERS);
            }
            for (int l = 0; l < LAYERS; l++) {
                in.reset();
                in.layer = l;
                in.extendedSequence = seq[l]++;
                in.timestamp = frame * 3000;
                in.keyframe = frame % 25 == l;
                forwarder.accept(in, target, frame * 33_000_000L);
                if (forwarder.currentLayer() != target) {
                    assertThat(forwarder.keyframeWanted() || l != target && l != forwarder.currentLayer()).isTrue();
                }
            }
            if (frame % 50 == 49) {
                assertThat(forwarder.currentLayer()).isEqualTo(target);
            }
        }
    }

    @Property(tries = 50)
    void pausingAndResumingNeedsAKeyFrameAndKeepsTheSequenceGapFree(@ForAll long seed) {
        Random r = new Random(seed);
        Forwarder forwarder = new Forwarder(CLOCK);
        ReceivedPacket in = new ReceivedPacket();
        int seq = 65_530;
        Integer lastOut = null;
        boolean paused = false;
        for (int i = 0; i < 300; i++) {
            if (r.nextInt(30) == 0) {
                paused = !paused;
            }
            in.reset();
            in.layer = 0;
            in.extendedSequence = seq++;
            in.timestamp = i * 3000;
            in.keyframe = r.nextInt(10) == 0;
            boolean resuming = forwarder.currentLayer() < 0;
            if (forwarder.accept(in, paused ? -1 : 0, i * 33_000_000L)) {
                assertThat(paused).isFalse();
                if (resuming) {
                    assertThat(in.keyframe).isTrue();
                }
                int out = forwarder.rewriter().outSequence();
                if (lastOut != null) {
                    assertThat(out).isEqualTo((lastOut + 1) & 0xFFFF);
                }
                lastOut = out;
            }
        }
    }
}
