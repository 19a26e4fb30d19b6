package dev.osprey.stun;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the hex test vectors under {@code src/test/resources/dev/osprey/stun}. */
final class Vectors {
    private Vectors() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unpooled heap buffer; callers release it. */
    static ByteBuf buffer(String resource) {
        return Unpooled.wrappedBuffer(bytes(resource));
    }

    /** The same bytes in a direct buffer, to exercise the no-array path. */
    static ByteBuf directBuffer(byte[] bytes) {
        ByteBuf buf = Unpooled.directBuffer(bytes.length);
        buf.writeBytes(bytes);
        return buf;
    }
}
