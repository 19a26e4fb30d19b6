package dev.osprey.rtp.extension;

/**
 * Encodes an AV1 RTP dependency descriptor (AV1 RTP spec appendix A.4.1). An SFU uses it to re-encode a received
 * descriptor with another active-decode-target mask ({@link #from} then {@link #activeDecodeTargets}); a sender uses
 * it to describe its own frames. Only the fields that differ from the template need custom values; the extended part
 * is written only when something needs it, otherwise the descriptor is the three mandatory bytes.
 *
 * <p>Reusable; writes into a caller's array, so encoding allocates nothing.
 */
public final class DependencyDescriptorWriter {
    /** Largest descriptor the two-byte header form can carry. */
    public static final int MAX_LENGTH = 255;

    private final BitWriter out = new BitWriter();
    private DependencyStructure structure;
    private boolean attachStructure;
    private boolean startOfFrame;
    private boolean endOfFrame;
    private int templateId;
    private int frameNumber;
    private boolean activeDecodeTargetsPresent;
    private int activeDecodeTargets;
    private boolean customDtis;
    private long dtis;
    private final int[] fdiffs = new int[DependencyStructure.MAX_FDIFFS];
    private int fdiffCount = -1;
    private final int[] chainFdiffs = new int[DependencyStructure.MAX_DECODE_TARGETS];
    private boolean customChains;

    /** Starts a descriptor for a frame using template {@code templateId} of {@code structure}. */
    public DependencyDescriptorWriter frame(DependencyStructure structure, boolean startOfFrame, boolean endOfFrame,
                                            int templateId, int frameNumber) {
        this.structure = structure;
        this.startOfFrame = startOfFrame;
        this.endOfFrame = endOfFrame;
        this.templateId = templateId & 0x3F;
        this.frameNumber = frameNumber & 0xFFFF;
        attachStructure = false;
        activeDecodeTargetsPresent = false;
        customDtis = false;
        fdiffCount = -1;
        customChains = false;
        return this;
    }

    /**
     * Starts from a descriptor just read with status {@link DependencyDescriptor#OK}, keeping its flags, custom
     * values and (if it carried one) its attached structure.
     */
    public DependencyDescriptorWriter from(DependencyDescriptor read) {
        frame(read.structure(), read.startOfFrame(), read.endOfFrame(), read.templateId(), read.frameNumber());
        attachStructure = read.structureAttached();
        activeDecodeTargetsPresent = read.activeDecodeTargetsPresent();
        activeDecodeTargets = read.activeDecodeTargets();
        if (read.customDtis()) {
            customDtis(read.frameDtis());
        }
        if (read.customFdiffs()) {
            fdiffCount = read.fdiffCount();
            for (int i = 0; i < fdiffCount; i++) {
                fdiffs[i] = read.fdiff(i);
            }
        }
        if (read.customChains()) {
            customChains = true;
            for (int i = 0; i < structure.chainCount(); i++) {
                chainFdiffs[i] = read.chainFdiff(i);
            }
        }
        return this;
    }

    /** Sends the structure in this descriptor (first packet of a coded video sequence). */
    public DependencyDescriptorWriter attachStructure(boolean attach) {
        this.attachStructure = attach;
        return this;
    }

    /** Sends {@code active_decode_targets_bitmask}. */
    public DependencyDescriptorWriter activeDecodeTargets(int mask) {
        this.activeDecodeTargetsPresent = true;
        this.activeDecodeTargets = mask;
        return this;
    }

    /** Overrides the template's decode target indications (two bits per target). */
    public DependencyDescriptorWriter customDtis(long dtis) {
        this.customDtis = true;
        this.dtis = dtis;
        return this;
    }

    /** Overrides the template's frame diffs; each in 1..4096. */
    public DependencyDescriptorWriter customFdiffs(int[] fdiffs) {
        if (fdiffs.length > DependencyStructure.MAX_FDIFFS) {
            throw new IllegalArgumentException("at most " + DependencyStructure.MAX_FDIFFS + " frame diffs");
        }
        for (int f : fdiffs) {
            if (f < 1 || f > 4096) {
                throw new IllegalArgumentException("frame diff out of range: " + f);
            }
        }
        System.arraycopy(fdiffs, 0, this.fdiffs, 0, fdiffs.length);
        this.fdiffCount = fdiffs.length;
        return this;
    }

    /** Overrides the template's chain diffs; one value 0..255 per chain of the structure. */
    public DependencyDescriptorWriter customChains(int[] chainFdiffs) {
        if (chainFdiffs.length != structure.chainCount()) {
            throw new IllegalArgumentException("one chain diff per chain: " + structure.chainCount());
        }
        System.arraycopy(chainFdiffs, 0, this.chainFdiffs, 0, chainFdiffs.length);
        this.customChains = true;
        return this;
    }

    /** Encodes into {@code dst} (at least {@link #MAX_LENGTH} bytes) and returns the descriptor's length. */
    public int write(byte[] dst) {
        out.reset(dst);
        out.writeFlag(startOfFrame);
        out.writeFlag(endOfFrame);
        out.write(templateId, 6);
        out.write(frameNumber, 16);
        boolean extended = attachStructure || activeDecodeTargetsPresent || customDtis || fdiffCount >= 0
                || customChains;
        if (!extended) {
            return 3;
        }
        if (structure == null) {
            throw new IllegalStateException("extended descriptor fields need a structure");
        }
        out.writeFlag(attachStructure);
        out.writeFlag(activeDecodeTargetsPresent);
        out.writeFlag(customDtis);
        out.writeFlag(fdiffCount >= 0);
        out.writeFlag(customChains);
        if (attachStructure) {
            structure.write(out);
        }
        if (activeDecodeTargetsPresent) {
            out.write(activeDecodeTargets, structure.decodeTargetCount());
        }
        writeFrameFields();
        return Math.max(4, out.byteLength());
    }

    private void writeFrameFields() {
        for (int dt = 0; customDtis && dt < structure.decodeTargetCount(); dt++) {
            out.write((int) (dtis >>> (2 * dt)) & 3, 2);
        }
        if (fdiffCount >= 0) {
            for (int i = 0; i < fdiffCount; i++) {
                int minusOne = fdiffs[i] - 1;
                int size = minusOne < 16 ? 1 : minusOne < 256 ? 2 : 3;
                out.write(size, 2);
                out.write(minusOne, 4 * size);
            }
            out.write(0, 2);
        }
        for (int c = 0; customChains && c < structure.chainCount(); c++) {
            out.write(chainFdiffs[c] & 0xFF, 8);
        }
    }
}
