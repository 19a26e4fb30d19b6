package dev.osprey.rtp.extension;

import dev.osprey.rtp.RtpPacket;

/**
 * The transport-wide sequence number of draft-holmer-rmcat-transport-wide-cc-extensions-01 §2: a 16-bit counter
 * over every packet of the transport, which transport-cc feedback refers to. Version 2 of the extension appends
 * feedback-request bytes; only the leading counter is read here.
 */
public final class TransportSequenceNumber {
    /** Value length of version 1 of the extension. */
    public static final int LENGTH = 2;

    private TransportSequenceNumber() {
    }

    /** The sequence number, 0..65535, or -1 when absent or shorter than two bytes. */
    public static int read(RtpPacket packet, int id) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) < LENGTH) {
            return -1;
        }
        return packet.buffer().getUnsignedShort(v);
    }

    /** Overwrites the sequence number in place; {@code false} when the element is absent or too short. */
    public static boolean write(RtpPacket packet, int id, int sequenceNumber) {
        int v = packet.extensionValueIndex(id);
        if (v < 0 || packet.extensionElementLength(v) < LENGTH) {
            return false;
        }
        packet.buffer().setShort(v, sequenceNumber);
        return true;
    }
}
