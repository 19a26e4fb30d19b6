package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Source description, RFC 3550 §6.5: {@code SC} chunks, each an SSRC/CSRC followed by items (type, length, UTF-8
 * text) and ended by one or more zero octets up to the next 32-bit boundary.
 *
 * <p>Chunks and items are addressed by absolute index: {@link #firstChunk()}/{@link #nextChunk(int)} give chunk
 * starts, {@link #firstItem(int)}/{@link #nextItem(int)} give item starts. {@link #wrap} checks that exactly
 * {@code SC} chunks fill the packet and every item ends inside it.
 */
public final class SourceDescription extends RtcpPacketView {
    public static final int END = 0;
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    /** One SDES item for building. */
    public record Item(int type, String text) {
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type is 1..255, was " + type);
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item text longer than 255 bytes");
            }
        }
    }

    /** One SDES chunk for building. */
    public record Chunk(int ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
        }
    }

    public SourceDescription() {
        super(RtcpPacketType.SDES);
    }

    @Override
    protected String validateBody() {
        int end = offset + length;
        int at = offset + 4;
        for (int chunk = 0; chunk < count(); chunk++) {
            at = chunkEnd(at, end);
            if (at < 0) {
                return "chunk " + chunk + " runs past the end of the packet";
            }
        }
        return at == end ? null : "SC=" + count() + " chunks do not fill the packet";
    }

    /** End (aligned) of the chunk starting at {@code at}, or -1 if it does not end by {@code end}. */
    private int chunkEnd(int at, int end) {
        int i = at + 4;
        while (i < end && buf.getByte(i) != END) {
            if (i + 2 > end) {
                return -1;
            }
            i += 2 + buf.getUnsignedByte(i + 1);
        }
        if (i >= end) {
            return -1;
        }
        int aligned = offset + ((i + 1 - offset + 3) & ~3);
        return aligned <= end ? aligned : -1;
    }

    /** Absolute index of the first chunk, or -1 when SC is 0. */
    public int firstChunk() {
        return count() == 0 ? -1 : offset + 4;
    }

    /** Absolute index of the chunk after the one at {@code chunk}, or -1. */
    public int nextChunk(int chunk) {
        int next = chunkEnd(chunk, offset + length);
        return next >= offset + length ? -1 : next;
    }

    public int chunkSsrc(int chunk) {
        return buf.getInt(chunk);
    }

    /** Absolute index of the chunk's first item, or -1 if it has none. */
    public int firstItem(int chunk) {
        return buf.getByte(chunk + 4) == END ? -1 : chunk + 4;
    }

    /** Absolute index of the item after {@code item} in the same chunk, or -1. */
    public int nextItem(int item) {
        int next = item + 2 + itemLength(item);
        return buf.getByte(next) == END ? -1 : next;
    }

    public int itemType(int item) {
        return buf.getUnsignedByte(item);
    }

    public int itemLength(int item) {
        return buf.getUnsignedByte(item + 1);
    }

    /** Absolute index of the item's text. */
    public int itemValueIndex(int item) {
        return item + 2;
    }

    public String itemText(int item) {
        return buf.toString(item + 2, itemLength(item), StandardCharsets.UTF_8);
    }

    /** The CNAME of {@code ssrc}, or {@code null}. */
    public String cname(int ssrc) {
        for (int c = firstChunk(); c >= 0; c = nextChunk(c)) {
            if (chunkSsrc(c) != ssrc) {
                continue;
            }
            for (int i = firstItem(c); i >= 0; i = nextItem(i)) {
                if (itemType(i) == CNAME) {
                    return itemText(i);
                }
            }
        }
        return null;
    }

    /** Appends an SDES packet; returns its length. */
    public static int write(ByteBuf dst, List<Chunk> chunks) {
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks per packet");
        }
        int length = 4;
        for (Chunk chunk : chunks) {
            length += chunkLength(chunk);
        }
        writeHeader(dst, chunks.size(), RtcpPacketType.SDES, length);
        for (Chunk chunk : chunks) {
            int start = dst.writerIndex();
            dst.writeInt(chunk.ssrc());
            for (Item item : chunk.items()) {
                byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
                dst.writeByte(item.type());
                dst.writeByte(text.length);
                dst.writeBytes(text);
            }
            dst.writeZero(chunkLength(chunk) - (dst.writerIndex() - start));
        }
        return length;
    }

    /** Appends an SDES packet with the single CNAME item of one source. */
    public static int writeCname(ByteBuf dst, int ssrc, String cname) {
        return write(dst, List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    private static int chunkLength(Chunk chunk) {
        int bytes = 4;
        for (Item item : chunk.items()) {
            bytes += 2 + item.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return (bytes + 1 + 3) & ~3; // at least one terminating zero octet, then up to the 32-bit boundary
    }
}
