package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * USERHASH (RFC 8489 §14.4): SHA-256(username ":" realm), 32 bytes, sent instead of USERNAME for anonymity.
 */
public record UserHash(byte[] hash) implements StunAttribute {
    public static final int LENGTH = 32;

    public UserHash {
        if (hash.length != LENGTH) {
            throw new IllegalArgumentException("USERHASH carries 32 bytes, not " + hash.length);
        }
        hash = hash.clone();
    }

    /** The hash for {@code username} in {@code realm} (both already OpaqueString-prepared by the client). */
    public static UserHash of(String username, String realm) {
        try {
            byte[] input = (username + ":" + realm).getBytes(StandardCharsets.UTF_8);
            return new UserHash(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static UserHash decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("USERHASH", length, LENGTH);
        return new UserHash(AttributeValues.bytes(buf, index, length));
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.USERHASH;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserHash other && Arrays.equals(other.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "UserHash[" + HexFormat.of().formatHex(hash) + "]";
    }
}
