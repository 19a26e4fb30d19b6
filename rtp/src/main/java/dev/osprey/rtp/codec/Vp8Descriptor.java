package dev.osprey.rtp.codec;

/**
 * The VP8 payload descriptor, RFC 7741 §4.2, and the key-frame bit of the VP8 payload header (§4.3).
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      |X|R|N|S|R| PID | (required)
 *   X: |I|L|T|K| RSV   |
 *   I: |M| PictureID   |   (15 bits when M: a second byte follows)
 *   L: |   TL0PICIDX   |
 * T/K: |TID|Y| KEYIDX  |
 * </pre>
 *
 * An SFU forwarding simulcast rewrites PictureID and TL0PICIDX so the subscriber sees one continuous stream:
 * {@link #setPictureId} and {@link #setTl0PicIdx} do that in place, keeping the field widths of the packet.
 */
public final class Vp8Descriptor extends PayloadView {
    private int first;
    private int extension;
    private int pictureIdIndex;
    private boolean longPictureId;
    private int pictureId;
    private int tl0PicIdxIndex;
    private int tl0PicIdx;
    private int tidKeyIndex;
    private int tidKey;
    private int payloadHeader;
    private int descriptorLength;

    /**
     * Decodes the descriptor and remembers its fields, so that getters read no buffer byte. Up to eight bytes are
     * fetched with one wide read (the longest descriptor is six bytes, plus the payload header byte).
     */
    @Override
    protected String parse() {
        pictureIdIndex = -1;
        tl0PicIdxIndex = -1;
        tidKeyIndex = -1;
        long window = window();
        first = byteAt(window, 0);
        extension = 0;
        int at = 1;
        if ((first & 0x80) != 0) {
            if (at >= length) {
                return "X set without the extension byte";
            }
            extension = byteAt(window, at++);
            if ((extension & 0x80) != 0) {
                if (at >= length) {
                    return "I set without a PictureID";
                }
                pictureIdIndex = offset + at;
                longPictureId = (byteAt(window, at) & 0x80) != 0;
                pictureId = longPictureId && at + 1 < length
                        ? (byteAt(window, at) & 0x7F) << 8 | byteAt(window, at + 1) : byteAt(window, at) & 0x7F;
                at += longPictureId ? 2 : 1;
            }
            if ((extension & 0x40) != 0) {
                tl0PicIdxIndex = offset + at;
                tl0PicIdx = at < length ? byteAt(window, at) : -1;
                at++;
            }
            if ((extension & 0x30) != 0) {
                tidKeyIndex = offset + at;
                tidKey = at < length ? byteAt(window, at) : -1;
                at++;
            }
        }
        if (at >= length) {
            return "descriptor leaves no VP8 payload";
        }
        payloadHeader = byteAt(window, at);
        descriptorLength = at;
        return null;
    }

    /** The first eight payload bytes, big-endian, zero-filled past the end of a shorter payload. */
    private long window() {
        if (length >= 8) {
            return buf.getLong(offset);
        }
        long window = 0;
        for (int i = 0; i < 8; i++) {
            window = window << 8 | (i < length ? buf.getUnsignedByte(offset + i) : 0);
        }
        return window;
    }

    private static int byteAt(long window, int i) {
        return (int) (window >>> (56 - 8 * i)) & 0xFF;
    }

    /** X: the extension byte is present. */
    public boolean extended() {
        return (first & 0x80) != 0;
    }

    /** N: the frame can be discarded without affecting others. */
    public boolean nonReference() {
        return (first & 0x20) != 0;
    }

    /** S: the payload starts a VP8 partition. */
    public boolean startOfPartition() {
        return (first & 0x10) != 0;
    }

    /** PID: partition index. */
    public int partitionIndex() {
        return first & 0x07;
    }

    /** Whether this packet starts a frame (S set on partition 0). */
    public boolean startOfFrame() {
        return startOfPartition() && partitionIndex() == 0;
    }

    /** Whether this packet starts a key frame: start of frame and the payload header's P bit clear (§4.3). */
    public boolean isKeyframe() {
        return startOfFrame() && (payloadHeader & 0x01) == 0;
    }

    public boolean hasPictureId() {
        return pictureIdIndex >= 0;
    }

    /** Whether the PictureID field is 15 bits (M set) rather than 7. */
    public boolean longPictureId() {
        return longPictureId;
    }

    /** The 7- or 15-bit PictureID, or -1 when absent. */
    public int pictureId() {
        return pictureIdIndex < 0 ? -1 : pictureId;
    }

    /** Rewrites the PictureID in place, modulo the field's width; {@code false} when the packet has none. */
    public boolean setPictureId(int pictureId) {
        if (pictureIdIndex < 0) {
            return false;
        }
        if (longPictureId) {
            this.pictureId = pictureId & 0x7FFF;
            buf.setShort(pictureIdIndex, 0x8000 | this.pictureId);
        } else {
            this.pictureId = pictureId & 0x7F;
            buf.setByte(pictureIdIndex, this.pictureId);
        }
        return true;
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdxIndex >= 0;
    }

    /** TL0PICIDX, or -1 when absent. */
    public int tl0PicIdx() {
        return tl0PicIdxIndex < 0 ? -1 : tl0PicIdx;
    }

    /** Rewrites TL0PICIDX in place (modulo 256); {@code false} when the packet has none. */
    public boolean setTl0PicIdx(int tl0PicIdx) {
        if (tl0PicIdxIndex < 0) {
            return false;
        }
        this.tl0PicIdx = tl0PicIdx & 0xFF;
        buf.setByte(tl0PicIdxIndex, this.tl0PicIdx);
        return true;
    }

    /** Whether the TID/Y/KEYIDX byte is present (T or K set). */
    public boolean hasTidKeyIdx() {
        return tidKeyIndex >= 0;
    }

    /** TID, the temporal layer, or -1 when T is not set. */
    public int temporalId() {
        return tidKeyIndex < 0 || (extension & 0x20) == 0 ? -1 : tidKey >>> 6;
    }

    /** Y: layer sync, the frame depends only on the base layer. Meaningful only with T. */
    public boolean layerSync() {
        return tidKeyIndex >= 0 && (tidKey & 0x20) != 0;
    }

    /** KEYIDX, or -1 when K is not set. */
    public int keyIdx() {
        return tidKeyIndex < 0 || (extension & 0x10) == 0 ? -1 : tidKey & 0x1F;
    }

    /** Bytes of descriptor before the VP8 payload. */
    public int descriptorLength() {
        return descriptorLength;
    }
}
