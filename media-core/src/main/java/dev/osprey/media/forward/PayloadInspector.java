package dev.osprey.media.forward;

import dev.osprey.media.api.Codec;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.codec.Av1AggregationHeader;
import dev.osprey.rtp.codec.H264Payload;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.codec.Vp9Descriptor;

/**
 * Tags a received packet with what the forwarder needs from its payload, through the rtp module's descriptors:
 * whether it starts a key frame, and the VP8 PictureID/TL0PICIDX to rewrite. The codec is looked up by payload type
 * in a table built from the negotiated parameters (a publisher may switch between negotiated codecs). One instance
 * per receiver; its flyweights are reused for every packet.
 */
final class PayloadInspector {
    /** {@link #inspect} result: tagged. */
    static final int OK = 0;
    /** {@link #inspect} result: a payload type the publisher did not negotiate (or RTX/unknown on a media stream). */
    static final int UNKNOWN_PAYLOAD_TYPE = 1;
    /** {@link #inspect} result: the payload descriptor is malformed. */
    static final int MALFORMED = 2;

    private final CodecFamily[] familyByPayloadType = new CodecFamily[128];
    private final Vp8Descriptor vp8 = new Vp8Descriptor();
    private final Vp9Descriptor vp9 = new Vp9Descriptor();
    private final H264Payload h264 = new H264Payload();
    private final Av1AggregationHeader av1 = new Av1AggregationHeader();

    PayloadInspector(RtpParameters parameters) {
        for (Codec codec : parameters.codecs()) {
            if (!codec.mimeType().isRtx()) {
                // RED carries audio (RFC 2198); in video sections it would wrap a codec we cannot see through.
                familyByPayloadType[codec.payloadType()] = codec.mimeType().isRed() && codec.kind() == MediaKind.VIDEO
                        ? CodecFamily.OTHER_VIDEO : CodecFamily.of(codec.mimeType());
            }
        }
    }

    /** Fills {@code out}'s key-frame, padding and picture-id fields; returns {@link #OK} or why the packet is bad. */
    int inspect(RtpPacket packet, ReceivedPacket out) {
        CodecFamily family = familyByPayloadType[packet.payloadType()];
        if (family == null) {
            return UNKNOWN_PAYLOAD_TYPE;
        }
        if (packet.payloadLength() == 0) {
            out.paddingOnly = true;
            return OK;
        }
        return switch (family) {
            case AUDIO, OTHER_VIDEO -> {
                out.keyframe = true;
                yield OK;
            }
            case VP8 -> inspectVp8(packet, out);
            case VP9 -> {
                if (!vp9.tryWrap(packet)) {
                    yield MALFORMED;
                }
                out.keyframe = vp9.isKeyframe();
                yield OK;
            }
            case H264 -> {
                if (!h264.tryWrap(packet)) {
                    yield MALFORMED;
                }
                out.keyframe = h264.isKeyframe();
                yield OK;
            }
            case AV1 -> {
                if (!av1.tryWrap(packet)) {
                    yield MALFORMED;
                }
                out.keyframe = av1.isKeyframe();
                yield OK;
            }
        };
    }

    private int inspectVp8(RtpPacket packet, ReceivedPacket out) {
        if (!vp8.tryWrap(packet)) {
            return MALFORMED;
        }
        out.keyframe = vp8.isKeyframe();
        out.pictureId = vp8.pictureId();
        out.tl0PicIdx = vp8.tl0PicIdx();
        return OK;
    }
}
