package dev.osprey.bench.rtp;

import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.HeaderExtensionEditor;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The packet both benchmarks use: what Chrome sends for VP8 video, 1200 bytes on the wire. Fixed header (PT 96),
 * a one-byte extension block with {@code sdes:mid} "0" (ID 1), {@code abs-send-time} (ID 2) and the transport-wide
 * sequence number (ID 3), a full VP8 payload descriptor (15-bit PictureID, TL0PICIDX, TID) and VP8 data.
 */
final class VideoPackets {
    static final int LENGTH = 1200;
    static final int MID_ID = 1;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TWCC_ID = 3;
    static final byte[] MID = "0".getBytes(StandardCharsets.US_ASCII);

    private VideoPackets() {
    }

    /** Writes the packet at the writer index of {@code dst}. */
    static void write(ByteBuf dst) {
        int start = dst.writerIndex();
        RtpPacket.writeFixedHeader(dst, false, 96, 4711, 0x12345678, 0x0BADCAFE);
        RtpPacket packet = new RtpPacket().wrap(dst, start, dst.writerIndex() - start);
        int readerIndex = dst.readerIndex();
        dst.readerIndex(start);
        new HeaderExtensionEditor().begin(packet)
                .put(MID_ID, MID)
                .putInt(ABS_SEND_TIME_ID, 0x0A1B2C, 3)
                .putInt(TWCC_ID, 300, 2)
                .apply();
        dst.readerIndex(readerIndex);
        // VP8 descriptor: X S | I L T | M PictureID 42 | TL0PICIDX 5 | TID 2 Y | then a non-key payload header
        dst.writeBytes(new byte[] {(byte) 0x90, (byte) 0xE0, (byte) 0x80, 0x2A, 0x05, (byte) 0xA0, 0x51});
        while (dst.writerIndex() - start < LENGTH) {
            dst.writeByte(dst.writerIndex() * 31);
        }
    }
}
