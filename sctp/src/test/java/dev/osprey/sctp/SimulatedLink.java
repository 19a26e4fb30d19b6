package dev.osprey.sctp;

import io.netty.buffer.ByteBuf;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One direction of an in-memory network between two associations: a fixed delay, and seeded (so deterministic)
 * loss, duplication and reordering. A filter can drop chosen packets for targeted tests.
 */
public final class SimulatedLink implements PacketSender {
    private final ManualScheduler scheduler;
    private final SplittableRandom random;
    private final long delayNanos;
    private Consumer<ByteBuf> receiver = ByteBuf::release;
    private double lossRate;
    private double duplicateRate;
    private double reorderRate;
    private Predicate<ByteBuf> dropFilter = p -> false;
    private int sent;
    private int dropped;

    public SimulatedLink(ManualScheduler scheduler, long seed, long delayMillis) {
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
        this.delayNanos = delayMillis * 1_000_000;
    }

    public void connectTo(Consumer<ByteBuf> receiver) {
        this.receiver = receiver;
    }

    public SimulatedLink impair(double loss, double duplicate, double reorder) {
        this.lossRate = loss;
        this.duplicateRate = duplicate;
        this.reorderRate = reorder;
        return this;
    }

    /** Drops every packet the predicate matches (it must not keep the buffer). */
    public void dropWhen(Predicate<ByteBuf> filter) {
        this.dropFilter = filter;
    }

    @Override
    public void sendPacket(ByteBuf packet) {
        sent++;
        if (dropFilter.test(packet) || random.nextDouble() < lossRate) {
            dropped++;
            packet.release();
            return;
        }
        if (random.nextDouble() < duplicateRate) {
            deliverLater(packet.retainedDuplicate(), delayNanos + random.nextLong(delayNanos + 1));
        }
        long extra = random.nextDouble() < reorderRate ? random.nextLong(3 * delayNanos + 1) : 0;
        deliverLater(packet, delayNanos + extra);
    }

    private void deliverLater(ByteBuf packet, long delay) {
        scheduler.schedule(() -> receiver.accept(packet), delay);
    }

    public int sent() {
        return sent;
    }

    public int dropped() {
        return dropped;
    }

    /** Chunk type of the first chunk of a packet, for filters. */
    public static int firstChunkType(ByteBuf packet) {
        return packet.getUnsignedByte(packet.readerIndex() + 12);
    }

    /** Whether any chunk of the packet has the type. */
    public static boolean hasChunk(ByteBuf packet, int type) {
        int at = packet.readerIndex() + 12;
        int end = packet.writerIndex();
        while (end - at >= 4) {
            if (packet.getUnsignedByte(at) == type) {
                return true;
            }
            int length = packet.getUnsignedShort(at + 2);
            if (length < 4) {
                return false;
            }
            at += (length + 3) & ~3;
        }
        return false;
    }
}
