package dev.osprey.bench.stun;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunIntegrity;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.IceControlling;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.UnknownAttribute;
import dev.osprey.stun.attribute.UseCandidate;
import dev.osprey.stun.attribute.Username;
import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The STUN work of one ICE connectivity check: decode a Chrome-shaped Binding request, verify its
 * MESSAGE-INTEGRITY and FINGERPRINT in place, encode the success response with XOR-MAPPED-ADDRESS,
 * MESSAGE-INTEGRITY and FINGERPRINT.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BindingCodecBenchmark {
    private final IntegrityKey key = IntegrityKey.shortTerm("CaptureOnlyPassword0123456789ab");
    private final InetSocketAddress peer = new InetSocketAddress("192.0.2.1", 58923);
    private ByteBuf request;
    private ByteBuf response;

    @Setup
    public void setUp() {
        StunMessage m = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username("CaptureUfrag:yNSP"))
                .add(new UnknownAttribute(StunAttributeType.GOOG_NETWORK_INFO, new byte[]{0, 0, 3, (byte) 0xe7}))
                .add(new IceControlling(0x262f930e3c2c3380L))
                .add(UseCandidate.INSTANCE)
                .add(new Priority(0x6e001eff))
                .build();
        request = PooledByteBufAllocator.DEFAULT.directBuffer(128);
        StunEncoder.encode(m, request, MessageProtection.integrity(key).withFingerprint());
        response = PooledByteBufAllocator.DEFAULT.directBuffer(128);
    }

    @TearDown
    public void tearDown() {
        request.release();
        response.release();
    }

    @Benchmark
    public StunMessage decode() {
        return StunDecoder.decode(request);
    }

    @Benchmark
    public StunIntegrity.Result verifyIntegrity() {
        return StunIntegrity.verify(request, key);
    }

    @Benchmark
    public int encodeResponse() {
        response.clear();
        StunMessage answer = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING,
                        new TransactionId(1, 2))
                .add(new XorMappedAddress(peer)).build();
        return StunEncoder.encode(answer, response, MessageProtection.integrity(key).withFingerprint());
    }

    /** All of one check: fingerprint + integrity in place, decode, build and encode the answer. */
    @Benchmark
    public int checkAndAnswer() {
        if (StunIntegrity.verifyFingerprint(request) != StunIntegrity.Result.VALID
                || StunIntegrity.verify(request, key) != StunIntegrity.Result.VALID) {
            throw new IllegalStateException("the request must verify");
        }
        StunMessage m = StunDecoder.decode(request);
        response.clear();
        StunMessage answer = StunMessage.successResponseTo(m).add(new XorMappedAddress(peer)).build();
        return StunEncoder.encode(answer, response, MessageProtection.integrity(key).withFingerprint());
    }
}
