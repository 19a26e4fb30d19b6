package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunPasswordAlgorithm;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * PASSWORD-ALGORITHM (RFC 8489 §14.12): the algorithm the client chose from the server's PASSWORD-ALGORITHMS, as a
 * 16-bit number, a 16-bit parameter length and parameters padded to 4 bytes. Also the element type of
 * {@link PasswordAlgorithms}.
 */
public record PasswordAlgorithm(StunPasswordAlgorithm algorithm, byte[] parameters) implements StunAttribute {
    public PasswordAlgorithm {
        if (algorithm == null) {
            throw new IllegalArgumentException("PASSWORD-ALGORITHM needs an algorithm");
        }
        if (parameters.length > 0xFFFF) {
            throw new IllegalArgumentException("PASSWORD-ALGORITHM parameters too long");
        }
        parameters = parameters.clone();
    }

    /** An algorithm without parameters (MD5 and SHA-256 have none). */
    public static PasswordAlgorithm of(StunPasswordAlgorithm algorithm) {
        return new PasswordAlgorithm(algorithm, new byte[0]);
    }

    static PasswordAlgorithm decode(ByteBuf buf, int index, int length) {
        if (encodedLength(buf, index, length) != length) {
            throw AttributeValues.malformed("PASSWORD-ALGORITHM", "length " + length + " disagrees with parameters");
        }
        return readOne(buf, index);
    }

    /** The padded size of the entry at {@code index}, or -1 if it runs past {@code available}. */
    static int encodedLength(ByteBuf buf, int index, int available) {
        if (available < 4) {
            return -1;
        }
        int padded = 4 + ((buf.getUnsignedShort(index + 2) + 3) & ~3);
        return padded <= available ? padded : -1;
    }

    static PasswordAlgorithm readOne(ByteBuf buf, int index) {
        int paramLength = buf.getUnsignedShort(index + 2);
        return new PasswordAlgorithm(StunPasswordAlgorithm.valueOf(buf.getUnsignedShort(index)),
                AttributeValues.bytes(buf, index + 4, paramLength));
    }

    void writeOne(ByteBuf out) {
        out.writeShort(algorithm.code());
        out.writeShort(parameters.length);
        out.writeBytes(parameters);
        out.writeZero((4 - (parameters.length & 3)) & 3);
    }

    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.PASSWORD_ALGORITHM;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        writeOne(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordAlgorithm other && other.algorithm.equals(algorithm)
                && Arrays.equals(other.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "PasswordAlgorithm[" + algorithm + ", " + parameters.length + " parameter bytes]";
    }
}
