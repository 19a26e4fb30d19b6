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
    private int pictureIdIndex;
    private boolean longPictureId;
    private int tl0PicIdxIndex;
    private int tidKeyIndex;
    private int descriptorLength;

    @Override
    protected String parse() {
        pictureIdIndex = -1;
        tl0PicIdxIndex = -1;
        tidKeyIndex = -1;
        int at = offset + 1;
        int end = offset + length;
        if (extended()) {
            if (at >= end) {
                return "X set without the extension byte";
            }
            int x = buf.getUnsignedByte(at++);
            if ((x & 0x80) != 0) {
                if (at >= end) {
                    return "I set without a PictureID";
                }
                pictureIdIndex = at;
                longPictureId = (buf.getByte(at) & 0x80) != 0;
                at += longPictureId ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                tl0PicIdxIndex = at++;
            }
            if ((x & 0x30) != 0) {
                tidKeyIndex = at++;
            }
        }
        if (at >= end) {
            return "descriptor leaves no VP8 payload";
        }
        descriptorLength = at - offset;
        return null;
    }

    /** X: the extension byte is present. */
    public boolean extended() {
        return (buf.getByte(offset) & 0x80) != 0;
    }

    /** N: the frame can be discarded without affecting others. */
    public boolean nonReference() {
        return (buf.getByte(offset) & 0x20) != 0;
    }

    /** S: the payload starts a VP8 partition. */
    public boolean startOfPartition() {
        return (buf.getByte(offset) & 0x10) != 0;
    }

    /** PID: partition index. */
    public int partitionIndex() {
        return buf.getByte(offset) & 0x07;
    }

    /** Whether this packet starts a frame (S set on partition 0). */
    public boolean startOfFrame() {
        return startOfPartition() && partitionIndex() == 0;
    }

    /** Whether this packet starts a key frame: start of frame and the payload header's P bit clear (§4.3). */
    public boolean isKeyframe() {
        return startOfFrame() && (buf.getByte(offset + descriptorLength) & 0x01) == 0;
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
        if (pictureIdIndex < 0) {
            return -1;
        }
        return longPictureId ? buf.getUnsignedShort(pictureIdIndex) & 0x7FFF : buf.getByte(pictureIdIndex) & 0x7F;
    }

    /** Rewrites the PictureID in place, modulo the field's width; {@code false} when the packet has none. */
    public boolean setPictureId(int pictureId) {
        if (pictureIdIndex < 0) {
            return false;
        }
        if (longPictureId) {
            buf.setShort(pictureIdIndex, 0x8000 | (pictureId & 0x7FFF));
        } else {
            buf.setByte(pictureIdIndex, pictureId & 0x7F);
        }
        return true;
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdxIndex >= 0;
    }

    /** TL0PICIDX, or -1 when absent. */
    public int tl0PicIdx() {
        return tl0PicIdxIndex < 0 ? -1 : buf.getUnsignedByte(tl0PicIdxIndex);
    }

    /** Rewrites TL0PICIDX in place (modulo 256); {@code false} when the packet has none. */
    public boolean setTl0PicIdx(int tl0PicIdx) {
        if (tl0PicIdxIndex < 0) {
            return false;
        }
        buf.setByte(tl0PicIdxIndex, tl0PicIdx);
        return true;
    }

    /** Whether the TID/Y/KEYIDX byte is present (T or K set). */
    public boolean hasTidKeyIdx() {
        return tidKeyIndex >= 0;
    }

    /** TID, the temporal layer, or -1 when T is not set. */
    public int temporalId() {
        return tidKeyIndex < 0 || (buf.getByte(offset + 1) & 0x20) == 0 ? -1 : buf.getUnsignedByte(tidKeyIndex) >>> 6;
    }

    /** Y: layer sync, the frame depends only on the base layer. Meaningful only with T. */
    public boolean layerSync() {
        return tidKeyIndex >= 0 && (buf.getByte(tidKeyIndex) & 0x20) != 0;
    }

    /** KEYIDX, or -1 when K is not set. */
    public int keyIdx() {
        return tidKeyIndex < 0 || (buf.getByte(offset + 1) & 0x10) == 0 ? -1 : buf.getByte(tidKeyIndex) & 0x1F;
    }

    /** Bytes of descriptor before the VP8 payload. */
    public int descriptorLength() {
        return descriptorLength;
    }
}
