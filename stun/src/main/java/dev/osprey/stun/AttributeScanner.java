package dev.osprey.stun;

import io.netty.buffer.ByteBuf;

/**
 * Finds one attribute in an encoded message without decoding the others and without allocating: the receive path
 * reads USERNAME or PRIORITY in place, and a relay reads DATA as a slice. The walk checks every attribute's bounds
 * and applies RFC 8489 §14.5: after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count, after
 * MESSAGE-INTEGRITY-SHA256 only FINGERPRINT, and nothing after FINGERPRINT.
 */
public final class AttributeScanner {
    /** Returned when the attribute is not in the message. */
    public static final int ABSENT = -1;
    /** Returned when the header or an attribute's length is malformed. */
    public static final int MALFORMED = -2;

    private AttributeScanner() {
    }

    /**
     * The absolute index of the value of the first attribute of {@code type} in the message at the reader index,
     * or {@link #ABSENT} or {@link #MALFORMED}. Its length is {@link #valueLength}.
     */
    public static int find(ByteBuf msg, int type) {
        if (!StunHeader.hasValidHeader(msg)) {
            return MALFORMED;
        }
        int start = msg.readerIndex();
        int end = start + StunHeader.LENGTH + StunHeader.messageLength(msg);
        if (end > msg.writerIndex()) {
            return MALFORMED;
        }
        int stage = 0; // 0: anything counts, 1: after MI, 2: after MI-SHA256, 3: after FINGERPRINT
        for (int pos = start + StunHeader.LENGTH; pos < end; ) {
            if (end - pos < 4) {
                return MALFORMED;
            }
            int t = msg.getUnsignedShort(pos);
            int len = msg.getUnsignedShort(pos + 2);
            int next = pos + 4 + ((len + 3) & ~3);
            if (next > end) {
                return MALFORMED;
            }
            if (t == type && counts(stage, t)) {
                return pos + 4;
            }
            stage = nextStage(stage, t);
            pos = next;
        }
        return ABSENT;
    }

    /** The value length of the attribute whose value starts at {@code valueIndex} (from {@link #find}). */
    public static int valueLength(ByteBuf msg, int valueIndex) {
        return msg.getUnsignedShort(valueIndex - 2);
    }

    static boolean counts(int stage, int type) {
        return switch (stage) {
            case 0 -> true;
            case 1 -> type == 0x001C || type == 0x8028;
            case 2 -> type == 0x8028;
            default -> false;
        };
    }

    static int nextStage(int stage, int type) {
        if (!counts(stage, type)) {
            return stage;
        }
        return switch (type) {
            case 0x0008 -> Math.max(stage, 1);
            case 0x001C -> Math.max(stage, 2);
            case 0x8028 -> 3;
            default -> stage;
        };
    }
}
