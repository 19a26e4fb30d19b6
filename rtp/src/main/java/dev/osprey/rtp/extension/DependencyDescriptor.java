package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;

/**
 * The AV1 RTP dependency descriptor header extension (AV1 RTP spec appendix A.4), which tells an SFU each packet's
 * spatial and temporal layer, frame boundaries, decode target indications and chains without looking at the payload.
 * WebRTC also sends it with VP8/VP9 SVC.
 *
 * <p>One instance per received stream: it keeps the latest template dependency structure (sent only on the first
 * packet of a coded video sequence) because every later descriptor is read against it. {@link #read} fills this
 * object with the packet's fields and returns a status instead of throwing, since a descriptor that cannot be
 * resolved (structure lost) is routine, not exceptional. Nothing is allocated per packet.
 */
public final class DependencyDescriptor {
    /** The descriptor was read and resolved against a structure: every getter is valid. */
    public static final int OK = 0;
    /** The packet has no element with that ID. */
    public static final int ABSENT = 1;
    /** The element is shorter than three bytes, or its fields run past its end. */
    public static final int MALFORMED = 2;
    /** No structure is known yet (it was lost): only the mandatory fields are valid. */
    public static final int NO_STRUCTURE = 3;
    /** The template ID lies outside the known structure (a newer one was lost): only the mandatory fields are valid. */
    public static final int UNKNOWN_TEMPLATE = 4;

    private final BitReader in = new BitReader();
    private final DependencyStructure structure = new DependencyStructure();
    private final DependencyStructure incoming = new DependencyStructure();
    private boolean hasStructure;

    private boolean startOfFrame;
    private boolean endOfFrame;
    private int templateId;
    private int frameNumber;
    private boolean structureAttached;
    private boolean activeDecodeTargetsPresent;
    private int activeDecodeTargets;
    private boolean customDtis;
    private boolean customFdiffs;
    private boolean customChains;
    private int spatialId = -1;
    private int temporalId = -1;
    private long dtis;
    private int fdiffCount;
    private final int[] fdiffs = new int[DependencyStructure.MAX_FDIFFS];
    private final int[] chainFdiffs = new int[DependencyStructure.MAX_DECODE_TARGETS];

    /** Reads the element {@code id} of {@code packet}; see the status constants. */
    public int read(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0) {
            return ABSENT;
        }
        return read(packet.buffer(), v, packet.extensionElementLength(v));
    }

    /** Reads a descriptor of {@code length} bytes at absolute {@code index}. */
    public int read(ByteBuf buf, int index, int length) {
        spatialId = -1;
        temporalId = -1;
        structureAttached = false;
        activeDecodeTargetsPresent = false;
        customDtis = customFdiffs = customChains = false;
        if (length < 3) {
            return MALFORMED;
        }
        in.reset(buf, index, length);
        startOfFrame = in.readFlag();
        endOfFrame = in.readFlag();
        templateId = in.read(6);
        frameNumber = in.read(16);
        if (length > 3) {
            int status = readExtendedFlags();
            if (status != OK) {
                return status;
            }
        }
        if (!hasStructure) {
            return NO_STRUCTURE;
        }
        if (structureAttached) {
            activeDecodeTargets = (int) ((1L << structure.decodeTargetCount()) - 1);
        }
        if (activeDecodeTargetsPresent) {
            activeDecodeTargets = in.read(structure.decodeTargetCount());
        }
        return readFrameDependencies();
    }

    private int readExtendedFlags() {
        structureAttached = in.readFlag();
        activeDecodeTargetsPresent = in.readFlag();
        customDtis = in.readFlag();
        customFdiffs = in.readFlag();
        customChains = in.readFlag();
        if (structureAttached) {
            if (!incoming.read(in)) {
                structureAttached = false;
                return MALFORMED;
            }
            structure.copyFrom(incoming);
            hasStructure = true;
        }
        return in.overrun() ? MALFORMED : OK;
    }

    private int readFrameDependencies() {
        int template = structure.templateIndex(templateId);
        if (template < 0) {
            return UNKNOWN_TEMPLATE;
        }
        int targets = structure.decodeTargetCount();
        dtis = structure.dtis(template);
        if (customDtis) {
            dtis = 0;
            for (int dt = 0; dt < targets; dt++) {
                dtis |= (long) in.read(2) << (2 * dt);
            }
        }
        if (customFdiffs) {
            if (!readCustomFdiffs()) {
                return MALFORMED;
            }
        } else {
            fdiffCount = structure.fdiffCount(template);
            for (int i = 0; i < fdiffCount; i++) {
                fdiffs[i] = structure.fdiff(template, i);
            }
        }
        for (int c = 0; c < structure.chainCount(); c++) {
            chainFdiffs[c] = customChains ? in.read(8) : structure.chainFdiff(template, c);
        }
        if (in.overrun()) {
            return MALFORMED;
        }
        spatialId = structure.spatialId(template);
        temporalId = structure.temporalId(template);
        return OK;
    }

    private boolean readCustomFdiffs() {
        fdiffCount = 0;
        for (int size = in.read(2); size != 0; size = in.read(2)) {
            if (fdiffCount == DependencyStructure.MAX_FDIFFS) {
                return false;
            }
            fdiffs[fdiffCount++] = in.read(4 * size) + 1;
        }
        return !in.overrun();
    }

    /** The structure descriptors are resolved against (the latest one received), or {@code null} before any. */
    public DependencyStructure structure() {
        return hasStructure ? structure : null;
    }

    /** Forgets the structure (e.g. when the sender's SSRC changes). */
    public void reset() {
        hasStructure = false;
    }

    public boolean startOfFrame() {
        return startOfFrame;
    }

    public boolean endOfFrame() {
        return endOfFrame;
    }

    /** {@code frame_dependency_template_id}, 0..63. */
    public int templateId() {
        return templateId;
    }

    /** 16-bit frame number, increasing in decode order. */
    public int frameNumber() {
        return frameNumber;
    }

    /** Whether this packet carried a (new) template dependency structure: the start of a coded video sequence. */
    public boolean structureAttached() {
        return structureAttached;
    }

    /** Whether this packet carried {@code active_decode_targets_bitmask}. */
    public boolean activeDecodeTargetsPresent() {
        return activeDecodeTargetsPresent;
    }

    /** Bit {@code i} set when decode target {@code i} is active (all are after a new structure). */
    public int activeDecodeTargets() {
        return activeDecodeTargets;
    }

    /** Spatial layer of the frame, or -1 unless the last read returned {@link #OK}. */
    public int spatialId() {
        return spatialId;
    }

    /** Temporal layer of the frame, or -1 unless the last read returned {@link #OK}. */
    public int temporalId() {
        return temporalId;
    }

    /** The frame's indication for a decode target: 0 not present, 1 discardable, 2 switch, 3 required. */
    public int decodeTargetIndication(int decodeTarget) {
        return (int) (dtis >>> (2 * decodeTarget)) & 3;
    }

    public int fdiffCount() {
        return fdiffCount;
    }

    /** Distance in frame numbers to the {@code i}-th frame this one refers to. */
    public int fdiff(int i) {
        return fdiffs[i];
    }

    /** Distance in frame numbers to the previous frame of chain {@code chain} (0: this frame starts it). */
    public int chainFdiff(int chain) {
        return chainFdiffs[chain];
    }

    /**
     * Whether the frame refers to no other frame and is in the base spatial layer: decodable on its own, the point
     * where a subscriber can start or switch.
     */
    public boolean isKeyframe() {
        return spatialId == 0 && fdiffCount == 0;
    }

    boolean customDtis() {
        return customDtis;
    }

    boolean customFdiffs() {
        return customFdiffs;
    }

    boolean customChains() {
        return customChains;
    }

    long frameDtis() {
        return dtis;
    }
}
