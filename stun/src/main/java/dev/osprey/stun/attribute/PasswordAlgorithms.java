package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 §14.11): the server's list of password algorithms in order of preference, each in
 * the PASSWORD-ALGORITHM layout.
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {
    public PasswordAlgorithms {
        algorithms = List.copyOf(algorithms);
    }

    static PasswordAlgorithms decode(ByteBuf buf, int index, int length) {
        List<PasswordAlgorithm> list = new ArrayList<>();
        for (int pos = 0; pos < length; ) {
            int size = PasswordAlgorithm.encodedLength(buf, index + pos, length - pos);
            if (size < 0) {
                throw AttributeValues.malformed("PASSWORD-ALGORITHMS", "entry runs past the attribute");
            }
            list.add(PasswordAlgorithm.readOne(buf, index + pos));
            pos += size;
        }
        return new PasswordAlgorithms(list);
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.PASSWORD_ALGORITHMS;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        for (PasswordAlgorithm a : algorithms) {
            a.writeOne(out);
        }
    }
}
