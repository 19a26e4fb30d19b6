package dev.osprey.media.forward;

/**
 * What a {@link TrackReceiver} learned about the packet it is fanning out, computed once and read by every
 * subscriber's forwarder: one mutable instance per receiver, overwritten for each packet (no object per packet).
 */
public final class ReceivedPacket {
    /** Simulcast layer index of the receiver, 0 = lowest. */
    int layer;
    /** Sequence number extended across wraparound (RFC 3550 A.1). */
    long extendedSequence;
    /** The packet's RTP timestamp, raw. */
    int timestamp;
    long arrivalNanos;
    /** First packet of a key frame (a decoder can start here); always true for audio. */
    boolean keyframe;
    /** No payload (padding only, RFC 3550 §5.1): occupies a sequence number but carries no media. */
    boolean paddingOnly;
    /** Older than the newest sequence number seen on this stream (reordered or retransmitted). */
    boolean late;
    /** A late packet that filled a gap (it was missing); late packets that are not are duplicates. */
    boolean recovered;
    /** VP8 PictureID (RFC 7741 §4.2), or -1 (not VP8, or no PictureID). */
    int pictureId = -1;
    /** VP8 TL0PICIDX, or -1. */
    int tl0PicIdx = -1;

    void reset() {
        keyframe = false;
        paddingOnly = false;
        late = false;
        recovered = false;
        pictureId = -1;
        tl0PicIdx = -1;
    }

    public int layer() {
        return layer;
    }

    public long extendedSequence() {
        return extendedSequence;
    }

    public boolean keyframe() {
        return keyframe;
    }

    @Override
    public String toString() {
        return "ReceivedPacket[layer=" + layer + " ext=" + extendedSequence + " ts=" + Integer.toUnsignedString(timestamp)
                + (keyframe ? " key" : "") + (paddingOnly ? " padding" : "") + (late ? " late" : "")
                + (recovered ? " recovered" : "") + "]";
    }
}
