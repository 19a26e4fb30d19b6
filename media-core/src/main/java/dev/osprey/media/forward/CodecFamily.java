package dev.osprey.media.forward;

import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;

/** How the forwarder reads a payload: which descriptor tells key frames and picture ids. */
enum CodecFamily {
    /** Any audio codec: every packet is a possible starting point. */
    AUDIO,
    /** RFC 7741 VP8: key frames, PictureID and TL0PICIDX. */
    VP8,
    /** VP9 payload format: key frames. */
    VP9,
    /** RFC 6184 H.264: IDR/SPS starts. */
    H264,
    /** AV1 RTP specification: new coded video sequence. */
    AV1,
    /** A video codec without a known descriptor: every packet counts as a possible start. */
    OTHER_VIDEO;

    static CodecFamily of(MimeType mime) {
        if (mime.kind() == MediaKind.AUDIO) {
            return AUDIO;
        }
        if (mime.equals(MimeType.VP8)) {
            return VP8;
        }
        if (mime.equals(MimeType.VP9)) {
            return VP9;
        }
        if (mime.equals(MimeType.H264)) {
            return H264;
        }
        return mime.equals(MimeType.AV1) ? AV1 : OTHER_VIDEO;
    }
}
