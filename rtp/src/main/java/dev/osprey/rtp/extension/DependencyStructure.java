package dev.osprey.rtp.extension;

import java.util.Arrays;

/**
 * The template dependency structure of the AV1 RTP dependency descriptor (AV1 RTP spec appendix A.4,
 * {@code template_dependency_structure()}): the frame templates (spatial/temporal layer, decode target indications,
 * frame diffs, chain diffs), the decode targets and the chains protecting them, and optional render resolutions.
 * Sent on the first packet of a coded video sequence; later descriptors refer to its templates by ID.
 *
 * <p>Mutable and preallocated to the spec's limits (64 templates, 32 decode targets, 4 spatial layers, 8 temporal
 * layers) plus this implementation's limit of {@value #MAX_FDIFFS} frame diffs per template, so that parsing a new
 * structure on a keyframe allocates nothing.
 */
public final class DependencyStructure {
    public static final int MAX_TEMPLATES = 64;
    public static final int MAX_DECODE_TARGETS = 32;
    public static final int MAX_SPATIAL_ID = 3;
    public static final int MAX_TEMPORAL_ID = 7;
    /** Frame diffs per template (and per custom frame) this implementation keeps. */
    public static final int MAX_FDIFFS = 16;

    private int templateIdOffset;
    private int decodeTargetCount;
    private int templateCount;
    private final int[] spatialIds = new int[MAX_TEMPLATES];
    private final int[] temporalIds = new int[MAX_TEMPLATES];
    private final long[] dtis = new long[MAX_TEMPLATES];
    private final int[] fdiffCounts = new int[MAX_TEMPLATES];
    private final int[] fdiffs = new int[MAX_TEMPLATES * MAX_FDIFFS];
    private int chainCount;
    private final int[] protectedBy = new int[MAX_DECODE_TARGETS];
    private final int[] chainFdiffs = new int[MAX_TEMPLATES * MAX_DECODE_TARGETS];
    private boolean resolutionsPresent;
    private final int[] widths = new int[MAX_SPATIAL_ID + 1];
    private final int[] heights = new int[MAX_SPATIAL_ID + 1];

    /** Starts a new structure with no template; {@code decodeTargetCount} in 1..32, offset in 0..63. */
    public DependencyStructure reset(int templateIdOffset, int decodeTargetCount) {
        if (templateIdOffset < 0 || templateIdOffset > 63 || decodeTargetCount < 1 || decodeTargetCount > 32) {
            throw new IllegalArgumentException("offset " + templateIdOffset + ", decode targets " + decodeTargetCount);
        }
        this.templateIdOffset = templateIdOffset;
        this.decodeTargetCount = decodeTargetCount;
        templateCount = 0;
        chainCount = 0;
        resolutionsPresent = false;
        return this;
    }

    /**
     * Appends a template. Templates must follow the order {@code next_layer_idc} can express: the same layer, the
     * next temporal layer, or the next spatial layer at temporal layer 0.
     *
     * @param dtis        decode target indication of target {@code i} in bits {@code 2i..2i+1} (0 not present,
     *                    1 discardable, 2 switch, 3 required)
     * @param chainFdiffs one value 0..15 per chain; its length must equal the chain count set by {@link #setChains}
     */
    public DependencyStructure addTemplate(int spatialId, int temporalId, long dtis, int[] fdiffs, int[] chainFdiffs) {
        if (templateCount == MAX_TEMPLATES || fdiffs.length > MAX_FDIFFS || chainFdiffs.length != chainCount
                || nextLayerIdc(spatialId, temporalId) < 0) {
            throw new IllegalArgumentException("template " + templateCount + " (S" + spatialId + "T" + temporalId
                    + ") does not fit the structure");
        }
        int t = templateCount++;
        spatialIds[t] = spatialId;
        temporalIds[t] = temporalId;
        this.dtis[t] = dtis & dtiMask(decodeTargetCount);
        fdiffCounts[t] = fdiffs.length;
        for (int i = 0; i < fdiffs.length; i++) {
            if (fdiffs[i] < 1 || fdiffs[i] > 16) {
                throw new IllegalArgumentException("template frame diffs are 1..16, was " + fdiffs[i]);
            }
            this.fdiffs[t * MAX_FDIFFS + i] = fdiffs[i];
        }
        for (int c = 0; c < chainCount; c++) {
            this.chainFdiffs[t * MAX_DECODE_TARGETS + c] = chainFdiffs[c] & 0xF;
        }
        return this;
    }

    /** Declares {@code chainCount} chains (set before adding templates) and which chain protects each decode target. */
    public DependencyStructure setChains(int chainCount, int[] protectedBy) {
        if (templateCount > 0 || chainCount < 0 || chainCount > decodeTargetCount
                || (chainCount > 0 && protectedBy.length != decodeTargetCount)) {
            throw new IllegalArgumentException("chains must be set before templates, one per decode target");
        }
        this.chainCount = chainCount;
        for (int i = 0; chainCount > 0 && i < decodeTargetCount; i++) {
            if (protectedBy[i] < 0 || protectedBy[i] >= chainCount) {
                throw new IllegalArgumentException("decode target " + i + " protected by chain " + protectedBy[i]);
            }
            this.protectedBy[i] = protectedBy[i];
        }
        return this;
    }

    /** Sets the maximum render resolution of a spatial layer; once any is set, all layers up to the top one are sent. */
    public DependencyStructure setResolution(int spatialId, int width, int height) {
        if (spatialId < 0 || spatialId > MAX_SPATIAL_ID || width < 1 || width > 65536 || height < 1 || height > 65536) {
            throw new IllegalArgumentException("resolution of S" + spatialId + ": " + width + "x" + height);
        }
        resolutionsPresent = true;
        widths[spatialId] = width;
        heights[spatialId] = height;
        return this;
    }

    /** {@code next_layer_idc} leading to ({@code s}, {@code t}) from the last template, or -1 if none does. */
    private int nextLayerIdc(int s, int t) {
        int prevS = templateCount == 0 ? 0 : spatialIds[templateCount - 1];
        int prevT = templateCount == 0 ? 0 : temporalIds[templateCount - 1];
        if (templateCount == 0) {
            return s == 0 && t == 0 ? 0 : -1;
        }
        if (s == prevS && t == prevT) {
            return 0;
        }
        if (s == prevS && t == prevT + 1 && t <= MAX_TEMPORAL_ID) {
            return 1;
        }
        return s == prevS + 1 && t == 0 && s <= MAX_SPATIAL_ID ? 2 : -1;
    }

    static long dtiMask(int decodeTargetCount) {
        return decodeTargetCount == 32 ? -1L : (1L << (2 * decodeTargetCount)) - 1;
    }

    /** Reads {@code template_dependency_structure()}; false (this structure then undefined) if malformed. */
    boolean read(BitReader in) {
        templateIdOffset = in.read(6);
        decodeTargetCount = in.read(5) + 1;
        templateCount = 0;
        chainCount = 0;
        if (!readLayers(in)) {
            return false;
        }
        for (int t = 0; t < templateCount; t++) {
            long d = 0;
            for (int dt = 0; dt < decodeTargetCount; dt++) {
                d |= (long) in.read(2) << (2 * dt);
            }
            dtis[t] = d;
        }
        for (int t = 0; t < templateCount; t++) {
            int n = 0;
            while (in.readFlag()) {
                if (n == MAX_FDIFFS) {
                    return false;
                }
                fdiffs[t * MAX_FDIFFS + n++] = in.read(4) + 1;
            }
            fdiffCounts[t] = n;
        }
        readChains(in);
        resolutionsPresent = in.readFlag();
        for (int s = 0; resolutionsPresent && s <= maxSpatialId(); s++) {
            widths[s] = in.read(16) + 1;
            heights[s] = in.read(16) + 1;
        }
        return !in.overrun();
    }

    private boolean readLayers(BitReader in) {
        int s = 0;
        int t = 0;
        int idc;
        do {
            if (templateCount == MAX_TEMPLATES || s > MAX_SPATIAL_ID || t > MAX_TEMPORAL_ID || in.overrun()) {
                return false;
            }
            spatialIds[templateCount] = s;
            temporalIds[templateCount] = t;
            templateCount++;
            idc = in.read(2);
            if (idc == 1) {
                t++;
            } else if (idc == 2) {
                t = 0;
                s++;
            }
        } while (idc != 3);
        return true;
    }

    private void readChains(BitReader in) {
        chainCount = in.ns(decodeTargetCount + 1);
        if (chainCount == 0) {
            return;
        }
        for (int dt = 0; dt < decodeTargetCount; dt++) {
            protectedBy[dt] = in.ns(chainCount);
        }
        for (int t = 0; t < templateCount; t++) {
            for (int c = 0; c < chainCount; c++) {
                chainFdiffs[t * MAX_DECODE_TARGETS + c] = in.read(4);
            }
        }
    }

    /** Writes {@code template_dependency_structure()}. */
    void write(BitWriter out) {
        if (templateCount == 0) {
            throw new IllegalStateException("a dependency structure needs at least one template");
        }
        out.write(templateIdOffset, 6);
        out.write(decodeTargetCount - 1, 5);
        for (int t = 1; t <= templateCount; t++) {
            out.write(t == templateCount ? 3 : layerStep(t), 2);
        }
        for (int t = 0; t < templateCount; t++) {
            for (int dt = 0; dt < decodeTargetCount; dt++) {
                out.write((int) (dtis[t] >>> (2 * dt)) & 3, 2);
            }
        }
        for (int t = 0; t < templateCount; t++) {
            for (int i = 0; i < fdiffCounts[t]; i++) {
                out.writeFlag(true);
                out.write(fdiffs[t * MAX_FDIFFS + i] - 1, 4);
            }
            out.writeFlag(false);
        }
        out.ns(chainCount, decodeTargetCount + 1);
        for (int dt = 0; chainCount > 0 && dt < decodeTargetCount; dt++) {
            out.ns(protectedBy[dt], chainCount);
        }
        for (int t = 0; chainCount > 0 && t < templateCount; t++) {
            for (int c = 0; c < chainCount; c++) {
                out.write(chainFdiffs[t * MAX_DECODE_TARGETS + c], 4);
            }
        }
        out.writeFlag(resolutionsPresent);
        for (int s = 0; resolutionsPresent && s <= maxSpatialId(); s++) {
            out.write(widths[s] - 1, 16);
            out.write(heights[s] - 1, 16);
        }
    }

    private int layerStep(int t) {
        if (spatialIds[t] != spatialIds[t - 1]) {
            return 2;
        }
        return temporalIds[t] != temporalIds[t - 1] ? 1 : 0;
    }

    void copyFrom(DependencyStructure other) {
        templateIdOffset = other.templateIdOffset;
        decodeTargetCount = other.decodeTargetCount;
        templateCount = other.templateCount;
        chainCount = other.chainCount;
        resolutionsPresent = other.resolutionsPresent;
        System.arraycopy(other.spatialIds, 0, spatialIds, 0, MAX_TEMPLATES);
        System.arraycopy(other.temporalIds, 0, temporalIds, 0, MAX_TEMPLATES);
        System.arraycopy(other.dtis, 0, dtis, 0, MAX_TEMPLATES);
        System.arraycopy(other.fdiffCounts, 0, fdiffCounts, 0, MAX_TEMPLATES);
        System.arraycopy(other.fdiffs, 0, fdiffs, 0, fdiffs.length);
        System.arraycopy(other.protectedBy, 0, protectedBy, 0, MAX_DECODE_TARGETS);
        System.arraycopy(other.chainFdiffs, 0, chainFdiffs, 0, chainFdiffs.length);
        System.arraycopy(other.widths, 0, widths, 0, widths.length);
        System.arraycopy(other.heights, 0, heights, 0, heights.length);
    }

    public int templateIdOffset() {
        return templateIdOffset;
    }

    public int decodeTargetCount() {
        return decodeTargetCount;
    }

    public int templateCount() {
        return templateCount;
    }

    /** Index of the template a {@code frame_dependency_template_id} names, or -1 if it is outside this structure. */
    public int templateIndex(int templateId) {
        int index = (templateId + 64 - templateIdOffset) % 64;
        return index < templateCount ? index : -1;
    }

    public int spatialId(int template) {
        return spatialIds[template];
    }

    public int temporalId(int template) {
        return temporalIds[template];
    }

    /** Decode target indications of a template, two bits per decode target (see {@link #addTemplate}). */
    public long dtis(int template) {
        return dtis[template];
    }

    public int fdiffCount(int template) {
        return fdiffCounts[template];
    }

    public int fdiff(int template, int i) {
        return fdiffs[template * MAX_FDIFFS + i];
    }

    public int chainCount() {
        return chainCount;
    }

    public int decodeTargetProtectedBy(int decodeTarget) {
        return protectedBy[decodeTarget];
    }

    public int chainFdiff(int template, int chain) {
        return chainFdiffs[template * MAX_DECODE_TARGETS + chain];
    }

    public int maxSpatialId() {
        return templateCount == 0 ? 0 : spatialIds[templateCount - 1];
    }

    public int maxTemporalId() {
        int max = 0;
        for (int t = 0; t < templateCount; t++) {
            max = Math.max(max, temporalIds[t]);
        }
        return max;
    }

    public boolean resolutionsPresent() {
        return resolutionsPresent;
    }

    public int maxRenderWidth(int spatialId) {
        return resolutionsPresent ? widths[spatialId] : -1;
    }

    public int maxRenderHeight(int spatialId) {
        return resolutionsPresent ? heights[spatialId] : -1;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DependencyStructure[offset=").append(templateIdOffset)
                .append(" decodeTargets=").append(decodeTargetCount).append(" chains=").append(chainCount)
                .append(" templates=");
        for (int t = 0; t < templateCount; t++) {
            s.append('S').append(spatialIds[t]).append('T').append(temporalIds[t])
                    .append(Arrays.toString(Arrays.copyOfRange(fdiffs, t * MAX_FDIFFS, t * MAX_FDIFFS + fdiffCounts[t])))
                    .append(' ');
        }
        return s.append(']').toString();
    }
}
