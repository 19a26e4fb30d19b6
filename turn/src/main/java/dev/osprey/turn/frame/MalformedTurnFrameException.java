package dev.osprey.turn.frame;

/**
 * Thrown when bytes received on a TURN listener cannot be framed as STUN or ChannelData (RFC 8656 §12). On a stream
 * transport this ends the connection, because the frame boundary is lost; on UDP the datagram is dropped.
 */
public final class MalformedTurnFrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedTurnFrameException(String message) {
        super(message, null, false, false);
    }
}
