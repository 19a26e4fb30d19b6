package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * An RTCP SDES item carried as a header extension (RFC 7941): {@code sdes:mid} (RFC 9143 §15),
 * {@code sdes:rtp-stream-id} and {@code sdes:repaired-rtp-stream-id} (RFC 8852 §3). The value is US-ASCII without
 * terminator; as in libwebrtc, a NUL byte ends the string early (senders pad with zeros) and an empty string counts
 * as absent.
 *
 * <p>{@link #matches} compares without allocating, for the per-packet "which track is this" question;
 * {@link #read} allocates a string and is meant for the first packet of an unknown SSRC.
 */
public final class SdesItemExtension {
    private SdesItemExtension() {
    }

    /** The item's length up to the first NUL, or -1 when the element is absent or empty. */
    public static int length(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0) {
            return -1;
        }
        int length = textLength(packet.buffer(), v, packet.extensionElementLength(v));
        return length == 0 ? -1 : length;
    }

    /** The item as a string, or {@code null} when absent or empty. */
    public static String read(RtpPacket packet, int id) {
        int length = length(packet, id);
        if (length < 0) {
            return null;
        }
        return packet.buffer().toString(packet.extensionValueIndex(id), length, StandardCharsets.US_ASCII);
    }

    /** Whether the item is present and equal to {@code ascii}. */
    public static boolean matches(RtpPacket packet, int id, byte[] ascii) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || ascii.length == 0) {
            return false;
        }
        int elementLength = packet.extensionElementLength(v);
        if (elementLength < ascii.length) {
            return false;
        }
        ByteBuf buf = packet.buffer();
        for (int i = 0; i < ascii.length; i++) {
            if (buf.getByte(v + i) != ascii[i]) {
                return false;
            }
        }
        // equal so far: the item must end here, at the element's end or at a NUL
        return elementLength == ascii.length || buf.getByte(v + ascii.length) == 0;
    }

    private static int textLength(ByteBuf buf, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (buf.getByte(from + i) == 0) {
                return i;
            }
        }
        return length;
    }
}
