package dev.osprey.bench.srtp;

import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.LoggerImpl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The comparison candidate: {@code org.jitsi:jitsi-srtp} (Jitsi Videobridge's SRTP), which transforms heap arrays.
 * To stand where Osprey's transform stands, each operation starts and ends in a pooled direct buffer: the packet is
 * copied into a reused heap array, transformed by jitsi-srtp, and copied back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JitsiSrtpBenchmark {

    @Param({"GCM", "CM_HMAC_SHA1_80"})
    public String transform;

    private static final int PACKET = 1200;
    private static final int STORED = 1024;
    private static final int SSRC = 0x11223344;

    private SrtpCryptoContext sender;
    private SrtpCryptoContext receiver;
    private final ArrayBuffer array = new ArrayBuffer(new byte[PACKET + 64]);
    private ByteBuf buffer;
    private byte[][] protectedPackets;
    private int seq;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        boolean gcm = transform.equals("GCM");
        SrtpPolicy policy = gcm
                ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, 16, SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12)
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        policy.setReceiveReplayEnabled(false);
        Random random = new Random(7);
        byte[] key = new byte[16];
        byte[] salt = new byte[policy.getSaltKeyLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        LoggerImpl logger = new LoggerImpl("jitsi-srtp-bench");
        sender = new SrtpContextFactory(true, key, salt, policy, policy, logger).deriveContext(SSRC, 0);
        receiver = new SrtpContextFactory(false, key, salt, policy, policy, logger).deriveContext(SSRC, 0);
        SrtpCryptoContext preparer = new SrtpContextFactory(true, key, salt, policy, policy, logger)
                .deriveContext(SSRC, 0);
        buffer = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET + 64, PACKET + 64);
        protectedPackets = new byte[STORED][];
        for (int i = 0; i < STORED; i++) {
            fillPlain(array, i);
            if (preparer.transformPacket(array) != SrtpErrorStatus.OK) {
                throw new IllegalStateException("jitsi-srtp protect failed while preparing");
            }
            protectedPackets[i] = java.util.Arrays.copyOf(array.buf, array.length);
        }
        fillPlain(array, 0);
        buffer.writeBytes(array.buf, 0, PACKET);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        buffer.release();
    }

    @Benchmark
    public SrtpErrorStatus protect() throws GeneralSecurityException {
        ByteBuf b = buffer;
        b.setShort(2, seq++);
        b.getBytes(0, array.buf, 0, PACKET);
        array.offset = 0;
        array.length = PACKET;
        SrtpErrorStatus status = sender.transformPacket(array);
        b.setBytes(0, array.buf, 0, array.length);
        b.writerIndex(array.length);
        return status;
    }

    @Benchmark
    public SrtpErrorStatus unprotect() throws GeneralSecurityException {
        byte[] packet = protectedPackets[next++ & (STORED - 1)];
        ByteBuf b = buffer;
        b.setBytes(0, packet);
        b.writerIndex(packet.length);
        b.getBytes(0, array.buf, 0, packet.length);
        array.offset = 0;
        array.length = packet.length;
        SrtpErrorStatus status = receiver.reverseTransformPacket(array, false);
        b.setBytes(0, array.buf, 0, array.length);
        b.writerIndex(array.length);
        return status;
    }

    private static void fillPlain(ArrayBuffer a, int seq) {
        byte[] p = a.buf;
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = 0x11;
        p[9] = 0x22;
        p[10] = 0x33;
        p[11] = 0x44;
        for (int i = 12; i < PACKET; i++) {
            p[i] = (byte) i;
        }
        a.offset = 0;
        a.length = PACKET;
    }

    /** jitsi-srtp's packet abstraction over one reused array. */
    private static final class ArrayBuffer implements ByteArrayBuffer {
        final byte[] buf;
        int offset;
        int length;

        ArrayBuffer(byte[] buf) {
            this.buf = buf;
        }

        @Override
        public byte[] getBuffer() {
            return buf;
        }

        @Override
        public int getOffset() {
            return offset;
        }

        @Override
        public int getLength() {
            return length;
        }

        @Override
        public void setLength(int len) {
            length = len;
        }

        @Override
        public void setOffset(int off) {
            offset = off;
        }

        @Override
        public boolean isInvalid() {
            return false;
        }

        @Override
        public void readRegionToBuff(int off, int len, byte[] out) {
            System.arraycopy(buf, offset + off, out, 0, len);
        }

        @Override
        public void grow(int howMuch) {
            if (offset + length + howMuch > buf.length) {
                throw new IllegalStateException("the benchmark array has room for every tag");
            }
        }

        @Override
        public void append(byte[] data, int len) {
            grow(len);
            System.arraycopy(data, 0, buf, offset + length, len);
            length += len;
        }

        @Override
        public void shrink(int len) {
            length = Math.max(0, length - len);
        }
    }
}
