package dev.osprey.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * Pooled direct buffers for tests (the kind the media path uses), remembered so that one {@link #releaseAll()} in
 * {@code @AfterEach} frees them and the leak guard stays quiet.
 */
public final class TestBuffers {
    private final List<ByteBuf> allocated = new ArrayList<>();

    /** A direct buffer holding the bytes of a hex string; spaces, newlines and {@code |} are ignored. */
    public ByteBuf hex(String hex) {
        return bytes(decode(hex));
    }

    public ByteBuf bytes(byte[] bytes) {
        ByteBuf buf = allocate(bytes.length);
        buf.writeBytes(bytes);
        return buf;
    }

    public ByteBuf allocate(int capacity) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, capacity));
        allocated.add(buf);
        return buf;
    }

    /** A buffer that cannot grow past {@code maxCapacity}. */
    public ByteBuf allocate(int capacity, int maxCapacity) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(capacity, maxCapacity);
        allocated.add(buf);
        return buf;
    }

    public void releaseAll() {
        for (ByteBuf buf : allocated) {
            if (buf.refCnt() > 0) {
                buf.release(buf.refCnt());
            }
        }
        allocated.clear();
    }

    /**
     * Named hex vectors from a test resource: one {@code name hex...} per line, {@code #} comments. Every vector file
     * states where its bytes come from.
     */
    public static java.util.Map<String, String> vectors(Class<?> owner, String resource) {
        java.util.Map<String, String> vectors = new java.util.LinkedHashMap<>();
        try (java.io.InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " next to " + owner.getName());
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            for (String line : text.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                vectors.put(trimmed.substring(0, space), trimmed.substring(space + 1).replaceAll("\\s", ""));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return vectors;
    }

    public static byte[] decode(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replaceAll("[\\s|]", ""));
    }

    public static String hexOf(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    public static String hexOf(ByteBuf buf, int offset, int length) {
        return ByteBufUtil.hexDump(buf, offset, length);
    }
}
