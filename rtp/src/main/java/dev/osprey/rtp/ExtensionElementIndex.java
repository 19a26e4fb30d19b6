package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The validating scan of an RFC 8285 extension block (§4.2 one-byte, §4.3 two-byte elements) and what it learns:
 * ID, value index and length of the first {@link #CAPACITY} elements, so that {@link RtpPacket} answers lookups by ID
 * without reading the buffer again. A block that fits the scratch array is copied with one bulk read and scanned
 * there, which costs far less than one bounds-checked buffer access per byte.
 */
final class ExtensionElementIndex {
    /** Elements remembered; WebRTC packets carry well under this many. */
    static final int CAPACITY = 16;
    /** Blocks up to this many bytes are scanned from a bulk copy. */
    private static final int SCRATCH = 128;

    private final int[] ids = new int[CAPACITY];
    private final int[] values = new int[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private final byte[] scratch = new byte[SCRATCH + 8];
    /** Elements remembered, or -1 when the block had more than {@link #CAPACITY}. */
    private int count;

    void clear() {
        count = 0;
    }

    /** Whether every element of the block is remembered, so that an ID not found is absent. */
    boolean complete() {
        return count >= 0;
    }

    /**
     * Scans the {@code length} bytes of element data at {@code start}; returns an {@link RtpLayout} code. Bytes up to
     * {@code limit} (the end of the packet) may be read past the block: they are fetched eight at a time.
     */
    int scan(ByteBuf buf, int start, int length, int limit, boolean oneByte) {
        count = 0;
        if (length > SCRATCH) {
            return scanBuffer(buf, start, length, oneByte);
        }
        fetch(buf, start, length, limit);
        int found = 0;
        int i = 0;
        while (i < length) {
            int b = scratch[i] & 0xFF;
            if (b == 0 || (oneByte && b >> 4 == 0)) {
                i++; // padding (RFC 8285 §4.2: an ID 0 byte is skipped whatever its length nibble)
                continue;
            }
            if (oneByte && b >> 4 == 15) {
                break; // RFC 8285 §4.2: ID 15 ends processing
            }
            int header = oneByte ? 1 : 2;
            if (i + header > length) {
                return RtpLayout.ELEMENT_PAST_END;
            }
            int elementLength = oneByte ? (b & 0x0F) + 1 : scratch[i + 1] & 0xFF;
            if (elementLength > length - i - header) {
                return RtpLayout.ELEMENT_PAST_END;
            }
            remember(found++, oneByte ? b >> 4 : b, start + i + header, elementLength);
            i += header + elementLength;
        }
        count = found <= CAPACITY ? found : -1;
        return RtpLayout.OK;
    }

    /** Copies the block into the scratch array with one wide read per eight bytes where the packet allows it. */
    private void fetch(ByteBuf buf, int start, int length, int limit) {
        for (int i = 0; i < length; i += 8) {
            if (start + i + 8 <= limit) {
                long word = buf.getLong(start + i);
                for (int k = 0; k < 8; k++) {
                    scratch[i + k] = (byte) (word >>> (56 - 8 * k));
                }
            } else {
                buf.getBytes(start + i, scratch, i, Math.min(8, length - i));
            }
        }
    }

    private int scanBuffer(ByteBuf buf, int start, int length, boolean oneByte) {
        int end = start + length;
        int form = oneByte ? RtpPacket.FORM_ONE_BYTE : RtpPacket.FORM_TWO_BYTE;
        int found = 0;
        for (int v = RtpLayout.nextElement(buf, start, end, form); v >= 0; ) {
            if (v > end) {
                return RtpLayout.ELEMENT_PAST_END;
            }
            int header = buf.getUnsignedByte(v - 1);
            int elementLength = oneByte ? (header & 0x0F) + 1 : header;
            if (elementLength > end - v) {
                return RtpLayout.ELEMENT_PAST_END;
            }
            remember(found++, oneByte ? header >> 4 : buf.getUnsignedByte(v - 2), v, elementLength);
            v = RtpLayout.nextElement(buf, v + elementLength, end, form);
        }
        count = found <= CAPACITY ? found : -1;
        return RtpLayout.OK;
    }

    private void remember(int i, int id, int valueIndex, int elementLength) {
        if (i < CAPACITY) {
            ids[i] = id;
            values[i] = valueIndex;
            lengths[i] = elementLength;
        }
    }

    /** Value index of the first element with {@code id}, or -1; only meaningful when {@link #complete()}. */
    int valueIndex(int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return values[i];
            }
        }
        return -1;
    }

    /** Length of the remembered element whose value starts at {@code valueIndex}, or -1 if it is not remembered. */
    int lengthAt(int valueIndex) {
        for (int i = 0; i < count; i++) {
            if (values[i] == valueIndex) {
                return lengths[i];
            }
        }
        return -1;
    }

    /**
     * Renumbers the elements in place through {@code newIdByOldId} (0, or an old ID beyond the array: blank the
     * element into padding). Checks every new ID against the form first and changes nothing if one does not fit.
     */
    boolean renumber(ByteBuf buf, int start, int length, boolean oneByte, int[] newIdByOldId) {
        if (!complete()) {
            return renumberUnindexed(buf, start, length, oneByte, newIdByOldId);
        }
        int maxId = oneByte ? 14 : 255;
        for (int i = 0; i < count; i++) {
            int renumbered = newId(newIdByOldId, ids[i]);
            if (renumbered < 0 || renumbered > maxId) {
                return false;
            }
        }
        int header = oneByte ? 1 : 2;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int renumbered = newId(newIdByOldId, ids[i]);
            if (renumbered == 0) {
                buf.setZero(values[i] - header, header + lengths[i]);
                continue;
            }
            buf.setByte(values[i] - header, oneByte ? renumbered << 4 | (lengths[i] - 1) : renumbered);
            ids[kept] = renumbered;
            values[kept] = values[i];
            lengths[kept] = lengths[i];
            kept++;
        }
        count = kept;
        return true;
    }

    /** Turns every element with {@code id} into padding; returns whether there was one. */
    boolean blank(ByteBuf buf, int start, int length, boolean oneByte, int id) {
        int header = oneByte ? 1 : 2;
        boolean found = false;
        if (!complete()) {
            int end = start + length;
            for (int v = firstIn(buf, start, length, oneByte); v >= 0; ) {
                int next = nextIn(buf, v, end, oneByte);
                if (idAt(buf, v, oneByte) == id) {
                    buf.setZero(v - header, header + lengthAtBuffer(buf, v, oneByte));
                    found = true;
                }
                v = next;
            }
            scan(buf, start, length, start + length, oneByte);
            return found;
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                buf.setZero(values[i] - header, header + lengths[i]);
                found = true;
                continue;
            }
            ids[kept] = ids[i];
            values[kept] = values[i];
            lengths[kept] = lengths[i];
            kept++;
        }
        count = kept;
        return found;
    }

    /** The buffer-walking form of {@link #renumber} for blocks with more elements than are remembered. */
    private boolean renumberUnindexed(ByteBuf buf, int start, int length, boolean oneByte, int[] newIdByOldId) {
        int end = start + length;
        int maxId = oneByte ? 14 : 255;
        for (int v = firstIn(buf, start, length, oneByte); v >= 0; v = nextIn(buf, v, end, oneByte)) {
            int renumbered = newId(newIdByOldId, idAt(buf, v, oneByte));
            if (renumbered < 0 || renumbered > maxId) {
                return false;
            }
        }
        int header = oneByte ? 1 : 2;
        for (int v = firstIn(buf, start, length, oneByte); v >= 0; ) {
            int next = nextIn(buf, v, end, oneByte);
            int renumbered = newId(newIdByOldId, idAt(buf, v, oneByte));
            if (renumbered == 0) {
                buf.setZero(v - header, header + lengthAtBuffer(buf, v, oneByte));
            } else {
                buf.setByte(v - header, oneByte ? renumbered << 4 | (buf.getByte(v - 1) & 0x0F) : renumbered);
            }
            v = next;
        }
        scan(buf, start, length, start + length, oneByte);
        return true;
    }

    private static int newId(int[] newIdByOldId, int old) {
        return old < newIdByOldId.length ? newIdByOldId[old] : 0;
    }

    private static int firstIn(ByteBuf buf, int start, int length, boolean oneByte) {
        return RtpLayout.nextElement(buf, start, start + length, oneByte ? RtpPacket.FORM_ONE_BYTE : RtpPacket.FORM_TWO_BYTE);
    }

    private static int nextIn(ByteBuf buf, int valueIndex, int end, boolean oneByte) {
        int from = valueIndex + lengthAtBuffer(buf, valueIndex, oneByte);
        return RtpLayout.nextElement(buf, from, end, oneByte ? RtpPacket.FORM_ONE_BYTE : RtpPacket.FORM_TWO_BYTE);
    }

    private static int idAt(ByteBuf buf, int valueIndex, boolean oneByte) {
        return oneByte ? buf.getUnsignedByte(valueIndex - 1) >> 4 : buf.getUnsignedByte(valueIndex - 2);
    }

    private static int lengthAtBuffer(ByteBuf buf, int valueIndex, boolean oneByte) {
        return oneByte ? (buf.getUnsignedByte(valueIndex - 1) & 0x0F) + 1 : buf.getUnsignedByte(valueIndex - 1);
    }
}
