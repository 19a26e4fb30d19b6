package dev.osprey.signaling.data;

/** A data channel message that is not a LiveKit {@code DataPacket} this server can use. */
public final class DataPacketException extends Exception {
    public DataPacketException(String message, Throwable cause) {
        super(message, cause);
    }
}
