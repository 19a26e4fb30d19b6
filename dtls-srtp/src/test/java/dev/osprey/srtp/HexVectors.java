package dev.osprey.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** Loads the hex test vectors kept as {@code .properties} resources next to the tests. */
final class HexVectors {

    private final Properties values = new Properties();

    private HexVectors(String resource) {
        try (InputStream in = HexVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector resource " + resource);
            }
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HexVectors load(String resource) {
        return new HexVectors(resource);
    }

    byte[] bytes(String name) {
        String hex = values.getProperty(name);
        if (hex == null) {
            throw new IllegalArgumentException("no vector " + name);
        }
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A direct buffer holding {@code bytes} with {@code tailRoom} writable bytes after them. */
    static ByteBuf direct(byte[] bytes, int tailRoom) {
        ByteBuf buf = Unpooled.directBuffer(bytes.length + tailRoom, bytes.length + tailRoom);
        buf.writeBytes(bytes);
        return buf;
    }

    static byte[] readable(ByteBuf buf) {
        byte[] out = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), out);
        return out;
    }
}
