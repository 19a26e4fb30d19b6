package dev.osprey.stun;

import io.netty.buffer.ByteBuf;

/**
 * Allocation-free peeks at the 20-byte STUN header (RFC 8489 §5) of the message at a buffer's reader index: enough
 * to demultiplex, to match a response to its transaction, or to drop a packet before any object is created. None
 * of these methods moves an index; callers check {@link #isStunMessage} (datagrams) or {@link #hasValidHeader}
 * (streams) first.
 */
public final class StunHeader {
    /** Header size in bytes. */
    public static final int LENGTH = 20;
    /** The fixed value of bytes 4–7 (RFC 8489 §5). */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The largest message: a 16-bit length field after the header. */
    public static final int MAX_MESSAGE_LENGTH = LENGTH + 0xFFFF;

    private StunHeader() {
    }

    /**
     * Whether the readable bytes hold a plausible header: at least 20 bytes, the two leading zero bits, the magic
     * cookie and a length that is a multiple of 4. Says nothing about the bytes after the header.
     */
    public static boolean hasValidHeader(ByteBuf buf) {
        int i = buf.readerIndex();
        return buf.readableBytes() >= LENGTH
                && (buf.getByte(i) & 0xC0) == 0
                && buf.getInt(i + 4) == MAGIC_COOKIE
                && (buf.getUnsignedShort(i + 2) & 0x3) == 0;
    }

    /** {@link #hasValidHeader} and the length field covers exactly the readable bytes, as in one datagram. */
    public static boolean isStunMessage(ByteBuf buf) {
        return hasValidHeader(buf) && buf.readableBytes() == LENGTH + messageLength(buf);
    }

    /** The 14-bit message type. */
    public static int messageType(ByteBuf buf) {
        return buf.getUnsignedShort(buf.readerIndex()) & 0x3FFF;
    }

    /** The 12-bit method number; see {@link StunMethod#valueOf(int)}. */
    public static int methodCode(ByteBuf buf) {
        return StunMethod.codeOfMessageType(messageType(buf));
    }

    public static StunClass messageClass(ByteBuf buf) {
        return StunClass.ofMessageType(messageType(buf));
    }

    /** Whether the message is of {@code method} in {@code messageClass}, without building either value. */
    public static boolean is(ByteBuf buf, StunMethod method, StunClass messageClass) {
        return messageType(buf) == method.messageType(messageClass);
    }

    /** The length field: bytes after the header. */
    public static int messageLength(ByteBuf buf) {
        return buf.getUnsignedShort(buf.readerIndex() + 2);
    }

    public static TransactionId transactionId(ByteBuf buf) {
        return TransactionId.read(buf, buf.readerIndex() + 8);
    }

    /** Whether the message's transaction ID is {@code id}; allocates nothing. */
    public static boolean hasTransactionId(ByteBuf buf, TransactionId id) {
        return id.matches(buf, buf.readerIndex() + 8);
    }
}
