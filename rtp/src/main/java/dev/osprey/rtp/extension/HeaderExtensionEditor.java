package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Rewrites the RFC 8285 extension block of a packet in place: remove elements, renumber them to another peer's
 * negotiated IDs, add or replace values, then {@link #apply()} once. A reusable instance (one per event loop) keeps
 * its scratch space, so steady-state editing allocates nothing.
 *
 * <pre>{@code
 * editor.begin(packet).renumber(subscriberIdByPublisherId).putInt(twccId, seq, 2).apply();
 * }</pre>
 *
 * <p>The packet must span exactly the readable bytes of its buffer; {@link #apply()} moves the reader and writer
 * indexes with it. When the block shrinks, the fixed header and CSRCs move forward (the payload stays put). When it
 * grows, they move back into the bytes before the reader index if there are enough of them (so egress copies that
 * leave headroom never move the payload), otherwise the payload moves towards the end, growing the buffer if its
 * maximum capacity allows. The form is one-byte (RFC 8285 §4.2) whenever every element fits it, two-byte (§4.3)
 * otherwise; with no element left the block and the X bit are removed. Values are written in the order they were
 * kept or added, padded with zero bytes to a 32-bit boundary.
 */
public final class HeaderExtensionEditor {
    private static final int REMOVED = -1;

    private RtpPacket packet;
    private int count;
    private int[] ids = new int[16];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private byte[] data = new byte[256];
    private int dataLength;

    /**
     * Starts an edit of {@code packet} by copying its current elements into this editor's scratch space.
     *
     * @throws IllegalStateException if the packet does not span its buffer's readable bytes, or has a header
     *                               extension that is not RFC 8285 (its contents cannot be interpreted)
     */
    public HeaderExtensionEditor begin(RtpPacket packet) {
        ByteBuf buf = packet.buffer();
        if (buf == null || buf.readerIndex() != packet.offset() || buf.readableBytes() != packet.length()) {
            throw new IllegalStateException("the packet must span exactly the readable bytes of its buffer");
        }
        if (packet.hasExtension() && packet.extensionForm() == RtpPacket.FORM_NONE) {
            throw new IllegalStateException("header extension profile 0x"
                    + Integer.toHexString(packet.extensionProfile()) + " is not RFC 8285");
        }
        this.packet = packet;
        count = 0;
        dataLength = 0;
        for (int v = packet.firstExtensionElement(); v >= 0; v = packet.nextExtensionElement(v)) {
            int length = packet.extensionElementLength(v);
            int start = reserve(packet.extensionElementId(v), length);
            buf.getBytes(v, data, start, length);
        }
        return this;
    }

    /** Drops every element with local identifier {@code id}. */
    public HeaderExtensionEditor remove(int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                ids[i] = REMOVED;
            }
        }
        return this;
    }

    /**
     * Renumbers every element: its new ID is {@code newIdByOldId[oldId]}; a 0 (or an old ID beyond the array) drops
     * it. This is the publisher-to-subscriber mapping of negotiated IDs.
     */
    public HeaderExtensionEditor renumber(int[] newIdByOldId) {
        for (int i = 0; i < count; i++) {
            int old = ids[i];
            if (old != REMOVED) {
                int renumbered = old < newIdByOldId.length ? newIdByOldId[old] : 0;
                checkId(renumbered == 0 ? 1 : renumbered);
                ids[i] = renumbered == 0 ? REMOVED : renumbered;
            }
        }
        return this;
    }

    /** Adds element {@code id} with {@code length} bytes of {@code src} from {@code index}, replacing any existing one. */
    public HeaderExtensionEditor put(int id, ByteBuf src, int index, int length) {
        int start = replace(id, length);
        src.getBytes(index, data, start, length);
        return this;
    }

    /** Adds element {@code id} with the given value, replacing any existing one. */
    public HeaderExtensionEditor put(int id, byte[] value) {
        int start = replace(id, value.length);
        System.arraycopy(value, 0, data, start, value.length);
        return this;
    }

    /** Adds element {@code id} with {@code length} bytes of {@code value} from {@code offset}, replacing any existing one. */
    public HeaderExtensionEditor put(int id, byte[] value, int offset, int length) {
        int start = replace(id, length);
        System.arraycopy(value, offset, data, start, length);
        return this;
    }

    /** Adds element {@code id} holding the low {@code length} bytes of {@code value}, big-endian ({@code length <= 8}). */
    public HeaderExtensionEditor putInt(int id, long value, int length) {
        if (length < 0 || length > 8) {
            throw new IllegalArgumentException("integer value length must be 0..8, was " + length);
        }
        int start = replace(id, length);
        for (int i = length - 1, shift = 0; i >= 0; i--, shift += 8) {
            data[start + i] = (byte) (value >>> shift);
        }
        return this;
    }

    /**
     * Turns element {@code id} into padding bytes without moving anything (RFC 8285 §4.2/§4.3 allow zero bytes
     * between elements): the cheapest way to hide a value from a peer that did not negotiate it. Returns whether an
     * element was blanked.
     */
    public static boolean blank(RtpPacket packet, int id) {
        return packet.blankExtension(id);
    }

    /**
     * Renumbers elements in place through {@code newIdByOldId} (0 or out of range: blank the element) when every new
     * ID fits the packet's current form; otherwise changes nothing and returns {@code false}, and the caller falls
     * back to {@link #begin}/{@link #renumber}/{@link #apply}. Moves no byte, so it is the egress fast path.
     */
    public static boolean renumberInPlace(RtpPacket packet, int[] newIdByOldId) {
        return packet.renumberExtensionsInPlace(newIdByOldId);
    }

    /** Number of elements the block will hold if applied now. */
    public int elementCount() {
        int live = 0;
        for (int i = 0; i < count; i++) {
            if (ids[i] != REMOVED) {
                live++;
            }
        }
        return live;
    }

    /**
     * Writes the edited block into the packet, moving bytes as described on the class, and re-binds the packet
     * (its offset may change).
     *
     * @throws IllegalStateException if the block must grow and the buffer has neither headroom nor growable tailroom
     */
    public void apply() {
        RtpPacket p = requireBegun();
        ByteBuf buf = p.buffer();
        boolean oneByte = fitsOneByte();
        int newExtension = blockLength(oneByte);
        int oldExtension = p.hasExtension() ? 4 + p.extensionDataLength() : 0;
        int fixed = RtpPacket.FIXED_HEADER_LENGTH + 4 * p.csrcCount();
        int offset = p.offset();
        int length = p.length();
        int delta = newExtension - oldExtension;
        int newOffset = offset;
        if (delta <= 0 || offset >= delta) {
            newOffset = offset - delta;
            ByteMoves.move(buf, offset, newOffset, fixed);
        } else {
            int payloadStart = offset + fixed + oldExtension;
            int payloadLength = offset + length - payloadStart;
            ensureTailroom(buf, delta);
            ByteMoves.move(buf, payloadStart, payloadStart + delta, payloadLength);
        }
        writeBlock(buf, newOffset, fixed, oneByte, newExtension);
        buf.setIndex(newOffset, newOffset + length + delta);
        boolean headerOnly = p.hasPadding() && p.paddingLength() == 0; // bound with wrapHeader: payload is opaque
        if (headerOnly) {
            p.wrapHeader(buf, newOffset, length + delta);
        } else {
            p.wrap(buf, newOffset, length + delta);
        }
        packet = null;
    }

    private void writeBlock(ByteBuf buf, int packetOffset, int fixed, boolean oneByte, int blockLength) {
        int first = buf.getUnsignedByte(packetOffset);
        if (blockLength == 0) {
            buf.setByte(packetOffset, first & ~0x10);
            return;
        }
        buf.setByte(packetOffset, first | 0x10);
        int at = packetOffset + fixed;
        buf.setShort(at, oneByte ? RtpPacket.ONE_BYTE_PROFILE : RtpPacket.TWO_BYTE_PROFILE);
        buf.setShort(at + 2, (blockLength - 4) / 4);
        int end = at + blockLength;
        at += 4;
        for (int i = 0; i < count; i++) {
            if (ids[i] == REMOVED) {
                continue;
            }
            if (oneByte) {
                buf.setByte(at++, ids[i] << 4 | (lengths[i] - 1));
            } else {
                buf.setByte(at++, ids[i]);
                buf.setByte(at++, lengths[i]);
            }
            buf.setBytes(at, data, starts[i], lengths[i]);
            at += lengths[i];
        }
        buf.setZero(at, end - at);
    }

    private static void ensureTailroom(ByteBuf buf, int needed) {
        if (buf.maxWritableBytes() < needed) {
            throw new IllegalStateException("no room to grow the header extension by " + needed + " bytes");
        }
        buf.ensureWritable(needed);
    }

    private boolean fitsOneByte() {
        for (int i = 0; i < count; i++) {
            if (ids[i] != REMOVED && (ids[i] > 14 || lengths[i] < 1 || lengths[i] > 16)) {
                return false;
            }
        }
        return true;
    }

    /** Whole block including its 4-byte header, padded to 32 bits; 0 with no element. */
    private int blockLength(boolean oneByte) {
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            if (ids[i] != REMOVED) {
                bytes += (oneByte ? 1 : 2) + lengths[i];
            }
        }
        if (bytes == 0) {
            return 0;
        }
        int padded = (bytes + 3) & ~3;
        if (padded > 4 * 0xFFFF) {
            throw new IllegalStateException("header extension longer than 65535 words");
        }
        return 4 + padded;
    }

    private int replace(int id, int length) {
        requireBegun();
        checkId(id);
        if (length < 0 || length > 255) {
            throw new IllegalArgumentException("RFC 8285 values are 0..255 bytes, was " + length);
        }
        remove(id);
        return reserve(id, length);
    }

    private int reserve(int id, int length) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        if (dataLength + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + length));
        }
        ids[count] = id;
        starts[count] = dataLength;
        lengths[count] = length;
        count++;
        dataLength += length;
        return dataLength - length;
    }

    private static void checkId(int id) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("RFC 8285 local identifiers are 1..255, was " + id);
        }
    }

    private RtpPacket requireBegun() {
        if (packet == null) {
            throw new IllegalStateException("begin(packet) first");
        }
        return packet;
    }
}
