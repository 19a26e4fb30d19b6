package dev.osprey.stun;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * One thread's HMAC and CRC-32 machinery for MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT. HMAC (RFC 2104) is built
 * on the JDK's intrinsified digests with the pads precomputed in {@link IntegrityKey}; the message prefix is copied
 * once into a per-thread scratch array (its length field patched as RFC 8489 §14.5 requires), so a check allocates
 * nothing after the thread's first message.
 */
final class StunCrypto {
    private static final FastThreadLocal<StunCrypto> LOCAL = new FastThreadLocal<>() {
        @Override
        protected StunCrypto initialValue() {
            return new StunCrypto();
        }
    };

    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest[] digests = new MessageDigest[IntegrityAlgorithm.values().length];
    private final CRC32 crc = new CRC32();
    private final byte[] inner = new byte[32];
    private final byte[] mac = new byte[32];
    private byte[] scratch = new byte[2048];

    private StunCrypto() {
        for (IntegrityAlgorithm alg : IntegrityAlgorithm.values()) {
            try {
                digests[alg.ordinal()] = MessageDigest.getInstance(alg.digestName());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + alg.digestName(), e);
            }
        }
    }

    static StunCrypto get() {
        return LOCAL.get();
    }

    /**
     * Copies {@code length} bytes of {@code buf} from {@code start} into the scratch array and writes
     * {@code lengthField} into the copy's header length, leaving the buffer untouched.
     */
    byte[] load(ByteBuf buf, int start, int length, int lengthField) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        copy(buf, start, scratch, length);
        scratch[2] = (byte) (lengthField >>> 8);
        scratch[3] = (byte) lengthField;
        return scratch;
    }

    /**
     * Copies without {@code ByteBuf.getBytes}, which on a direct buffer without {@code sun.misc.Unsafe} (the JDK
     * 24+ default) duplicates the NIO buffer per call; eight-byte reads allocate nothing on any buffer.
     */
    private static void copy(ByteBuf buf, int start, byte[] dst, int length) {
        if (buf.hasArray()) {
            System.arraycopy(buf.array(), buf.arrayOffset() + start, dst, 0, length);
            return;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            LONG_VIEW.set(dst, i, buf.getLong(start + i));
        }
        for (; i < length; i++) {
            dst[i] = buf.getByte(start + i);
        }
    }

    /** HMAC of the first {@code length} scratch bytes; the result is in {@link #mac()}. */
    byte[] hmac(IntegrityKey key, IntegrityAlgorithm alg, int length) {
        MessageDigest md = digests[alg.ordinal()];
        int size = alg.macLength();
        try {
            md.reset();
            md.update(key.innerPad(alg));
            md.update(scratch, 0, length);
            md.digest(inner, 0, size);
            md.update(key.outerPad(alg));
            md.update(inner, 0, size);
            md.digest(mac, 0, size);
        } catch (DigestException e) {
            throw new IllegalStateException("digest output buffer too small", e);
        }
        return mac;
    }

    /** CRC-32 of the first {@code length} scratch bytes XOR 0x5354554E (RFC 8489 §14.7). */
    int fingerprint(int length) {
        crc.reset();
        crc.update(scratch, 0, length);
        return (int) crc.getValue() ^ 0x5354554E;
    }

    byte[] mac() {
        return mac;
    }
}
