package dev.osprey.stun;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Writes STUN bytes by hand, field by field, so malformed-input tests can state exactly which rule they break.
 * The header's length field is filled in by {@link #build()} unless {@link #lengthField} overrides it.
 */
final class RawMessage {
    private final ByteBuf body = Unpooled.buffer();
    private int type = 0x0001;
    private int cookie = StunHeader.MAGIC_COOKIE;
    private Integer lengthField;

    RawMessage type(int messageType) {
        this.type = messageType;
        return this;
    }

    RawMessage cookie(int value) {
        this.cookie = value;
        return this;
    }

    RawMessage lengthField(int value) {
        this.lengthField = value;
        return this;
    }

    /** An attribute with the given declared length and value bytes, padded with zeros to 4. */
    RawMessage attribute(int attrType, int declaredLength, int... value) {
        body.writeShort(attrType);
        body.writeShort(declaredLength);
        for (int b : value) {
            body.writeByte(b);
        }
        body.writeZero((4 - (value.length & 3)) & 3);
        return this;
    }

    /** Raw bytes appended to the body as they are. */
    RawMessage bytes(int... value) {
        for (int b : value) {
            body.writeByte(b);
        }
        return this;
    }

    ByteBuf build() {
        ByteBuf out = Unpooled.buffer();
        out.writeShort(type);
        out.writeShort(lengthField != null ? lengthField : body.readableBytes());
        out.writeInt(cookie);
        out.writeLong(0x0102030405060708L);
        out.writeInt(0x090A0B0C);
        out.writeBytes(body);
        body.release();
        return out;
    }
}
