package dev.osprey.rtp.codec;

/**
 * The VP9 payload descriptor, RFC 9628 §4.2, flexible (F=1) and non-flexible (F=0) modes, including the scalability
 * structure (§4.2.1).
 *
 * <pre>
 *      |I|P|L|F|B|E|V|Z|  (required)
 *   I: |M| PICTURE ID  |  (15 bits when M)
 *   L: | TID |U| SID |D|
 *      |   TL0PICIDX   |  (L and F=0)
 * P,F: | P_DIFF      |N|  (up to 3, while N)
 *   V: | SS ...        |
 * </pre>
 */
public final class Vp9Descriptor extends PayloadView {
    /** Most reference indexes a flexible-mode frame or an SS picture group entry carries (RFC 9628 §4.2). */
    public static final int MAX_P_DIFFS = 3;
    public static final int MAX_SPATIAL_LAYERS = 8;

    private int pictureIdIndex;
    private boolean longPictureId;
    private int layerIndex;
    private int tl0PicIdxIndex;
    private int pDiffIndex;
    private int pDiffCount;
    private int ssIndex;
    private int spatialLayerCount;
    private int pictureGroupCount;
    private int descriptorLength;

    @Override
    protected String parse() {
        pictureIdIndex = layerIndex = tl0PicIdxIndex = pDiffIndex = ssIndex = -1;
        pDiffCount = spatialLayerCount = pictureGroupCount = 0;
        int first = buf.getUnsignedByte(offset);
        int end = offset + length;
        int at = offset + 1;
        if ((first & 0x80) != 0) {
            if (at >= end) {
                return "I set without a picture ID";
            }
            pictureIdIndex = at;
            longPictureId = (buf.getByte(at) & 0x80) != 0;
            at += longPictureId ? 2 : 1;
        }
        if ((first & 0x20) != 0) {
            layerIndex = at++;
            if (!flexible()) {
                tl0PicIdxIndex = at++;
            }
        }
        if (flexible() && interPicturePredicted()) {
            pDiffIndex = at;
            do {
                if (at >= end || pDiffCount == MAX_P_DIFFS) {
                    return "P_DIFF list runs past the payload or exceeds three entries";
                }
                pDiffCount++;
            } while ((buf.getByte(at++) & 0x01) != 0);
        }
        if (at > end) {
            return "layer indices run past the payload";
        }
        if ((first & 0x02) != 0) {
            ssIndex = at;
            at = parseScalabilityStructure(at, end);
            if (at < 0) {
                return "scalability structure runs past the payload";
            }
        }
        if (at >= end) {
            return "descriptor leaves no VP9 payload";
        }
        descriptorLength = at - offset;
        return null;
    }

    private int parseScalabilityStructure(int at, int end) {
        if (at >= end) {
            return -1;
        }
        int ss = buf.getUnsignedByte(at++);
        spatialLayerCount = (ss >>> 5) + 1;
        if ((ss & 0x10) != 0) {
            at += 4 * spatialLayerCount;
        }
        if ((ss & 0x08) != 0) {
            if (at >= end) {
                return -1;
            }
            pictureGroupCount = buf.getUnsignedByte(at++);
            for (int g = 0; g < pictureGroupCount; g++) {
                if (at >= end) {
                    return -1;
                }
                at += 1 + (buf.getUnsignedByte(at) >>> 2 & 0x03);
            }
        }
        return at <= end ? at : -1;
    }

    /** P: the picture is inter-picture predicted. */
    public boolean interPicturePredicted() {
        return (buf.getByte(offset) & 0x40) != 0;
    }

    /** F: flexible mode (references in P_DIFF) rather than a predefined group of pictures. */
    public boolean flexible() {
        return (buf.getByte(offset) & 0x10) != 0;
    }

    /** B: start of a frame. */
    public boolean startOfFrame() {
        return (buf.getByte(offset) & 0x08) != 0;
    }

    /** E: end of a frame. */
    public boolean endOfFrame() {
        return (buf.getByte(offset) & 0x04) != 0;
    }

    /** Z: not used for inter-layer prediction by upper spatial layers. */
    public boolean notUpswitchReference() {
        return (buf.getByte(offset) & 0x01) != 0;
    }

    /** The first packet of a key frame: start of frame, not inter predicted, in the base spatial layer. */
    public boolean isKeyframe() {
        return startOfFrame() && !interPicturePredicted() && spatialId() <= 0;
    }

    public boolean hasPictureId() {
        return pictureIdIndex >= 0;
    }

    public boolean longPictureId() {
        return longPictureId;
    }

    /** The 7- or 15-bit picture ID, or -1. */
    public int pictureId() {
        if (pictureIdIndex < 0) {
            return -1;
        }
        return longPictureId ? buf.getUnsignedShort(pictureIdIndex) & 0x7FFF : buf.getByte(pictureIdIndex) & 0x7F;
    }

    /** Rewrites the picture ID in place, modulo the field's width; {@code false} without one. */
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

    public boolean hasLayerIndices() {
        return layerIndex >= 0;
    }

    /** TID, or -1 without layer indices. */
    public int temporalId() {
        return layerIndex < 0 ? -1 : buf.getUnsignedByte(layerIndex) >>> 5;
    }

    /** U: switching up point. */
    public boolean switchingUpPoint() {
        return layerIndex >= 0 && (buf.getByte(layerIndex) & 0x10) != 0;
    }

    /** SID, or -1 without layer indices. */
    public int spatialId() {
        return layerIndex < 0 ? -1 : buf.getUnsignedByte(layerIndex) >>> 1 & 0x07;
    }

    /** D: depends on the lower spatial layer of the same picture. */
    public boolean interLayerDependency() {
        return layerIndex >= 0 && (buf.getByte(layerIndex) & 0x01) != 0;
    }

    /** TL0PICIDX (non-flexible mode with layer indices), or -1. */
    public int tl0PicIdx() {
        return tl0PicIdxIndex < 0 ? -1 : buf.getUnsignedByte(tl0PicIdxIndex);
    }

    public boolean setTl0PicIdx(int tl0PicIdx) {
        if (tl0PicIdxIndex < 0) {
            return false;
        }
        buf.setByte(tl0PicIdxIndex, tl0PicIdx);
        return true;
    }

    /** Number of P_DIFF references (flexible mode). */
    public int pDiffCount() {
        return pDiffCount;
    }

    public int pDiff(int i) {
        if (i < 0 || i >= pDiffCount) {
            throw new IndexOutOfBoundsException("P_DIFF " + i + " of " + pDiffCount);
        }
        return buf.getUnsignedByte(pDiffIndex + i) >>> 1;
    }

    public boolean hasScalabilityStructure() {
        return ssIndex >= 0;
    }

    /** N_S + 1, or 0 without a scalability structure. */
    public int spatialLayerCount() {
        return spatialLayerCount;
    }

    /** Whether the SS carries resolutions (Y). */
    public boolean hasResolutions() {
        return ssIndex >= 0 && (buf.getByte(ssIndex) & 0x10) != 0;
    }

    public int width(int spatialLayer) {
        return buf.getUnsignedShort(resolution(spatialLayer));
    }

    public int height(int spatialLayer) {
        return buf.getUnsignedShort(resolution(spatialLayer) + 2);
    }

    private int resolution(int spatialLayer) {
        if (!hasResolutions() || spatialLayer < 0 || spatialLayer >= spatialLayerCount) {
            throw new IndexOutOfBoundsException("no resolution for spatial layer " + spatialLayer);
        }
        return ssIndex + 1 + 4 * spatialLayer;
    }

    /** N_G, the pictures in the group of the SS (0 when absent). */
    public int pictureGroupCount() {
        return pictureGroupCount;
    }

    public int descriptorLength() {
        return descriptorLength;
    }
}
