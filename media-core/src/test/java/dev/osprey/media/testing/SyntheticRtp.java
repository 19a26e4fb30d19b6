package dev.osprey.media.testing;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.HeaderExtensionEditor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds RTP packets for tests with the rtp module's builders: the fixed header writer and the RFC 8285 editor for
 * extensions. Packets come in pooled direct buffers (what the transport hands media-core) spanning their readable
 * bytes; the caller owns them.
 */
public final class SyntheticRtp {
    private final RtpPacket view = new RtpPacket();
    private final HeaderExtensionEditor editor = new HeaderExtensionEditor();
    private final Map<Integer, byte[]> extensions = new LinkedHashMap<>();
    private int payloadType = 96;
    private int sequenceNumber;
    private int timestamp;
    private int ssrc;
    private boolean marker;
    private byte[] payload = {1, 2, 3, 4};
    private int padding;

    public SyntheticRtp pt(int pt) {
        payloadType = pt;
        return this;
    }

    public SyntheticRtp seq(int seq) {
        sequenceNumber = seq & 0xFFFF;
        return this;
    }

    public SyntheticRtp ts(int ts) {
        timestamp = ts;
        return this;
    }

    public SyntheticRtp ssrc(int s) {
        ssrc = s;
        return this;
    }

    public SyntheticRtp marker(boolean m) {
        marker = m;
        return this;
    }

    public SyntheticRtp payload(byte[] p) {
        payload = p;
        return this;
    }

    /** RFC 3550 padding of {@code bytes} bytes (count byte included) after the payload. */
    public SyntheticRtp padding(int bytes) {
        padding = bytes;
        return this;
    }

    public SyntheticRtp ext(int id, byte[] value) {
        extensions.put(id, value);
        return this;
    }

    public SyntheticRtp ext(int id, String ascii) {
        return ext(id, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    public SyntheticRtp noExtensions() {
        extensions.clear();
        return this;
    }

    public ByteBuf build() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64 + 12 + payload.length + padding + 64);
        buf.setIndex(64, 64);
        RtpPacket.writeFixedHeader(buf, marker, payloadType, sequenceNumber, timestamp, ssrc);
        buf.writeBytes(payload);
        if (padding > 0) {
            buf.writeZero(padding - 1);
            buf.writeByte(padding);
            buf.setByte(buf.readerIndex(), buf.getByte(buf.readerIndex()) | 0x20);
        }
        if (!extensions.isEmpty()) {
            view.wrap(buf);
            editor.begin(view);
            extensions.forEach(editor::put);
            editor.apply();
        }
        return buf;
    }

    /** A VP8 payload (RFC 7741 §4.2): descriptor with a 15-bit PictureID and TL0PICIDX, then the payload header. */
    public static byte[] vp8(boolean startOfFrame, boolean keyframe, int pictureId, int tl0PicIdx, int bodyBytes) {
        byte[] p = new byte[6 + bodyBytes];
        p[0] = (byte) (0x80 | (startOfFrame ? 0x10 : 0)); // X, S
        p[1] = (byte) 0xC0; // I, L
        p[2] = (byte) (0x80 | (pictureId >> 8 & 0x7F)); // M: 15-bit PictureID
        p[3] = (byte) pictureId;
        p[4] = (byte) tl0PicIdx;
        p[5] = (byte) (keyframe ? 0x10 : 0x11); // payload header: P bit (bit 0) clear on key frames, §4.3
        for (int i = 6; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    /** An RFC 6464 audio level element value. */
    public static byte[] audioLevel(int levelDbov, boolean voice) {
        return new byte[] {(byte) ((voice ? 0x80 : 0) | levelDbov)};
    }

    /** A two-byte transport-wide sequence number element value. */
    public static byte[] transportSequence(int seq) {
        return new byte[] {(byte) (seq >> 8), (byte) seq};
    }
}
