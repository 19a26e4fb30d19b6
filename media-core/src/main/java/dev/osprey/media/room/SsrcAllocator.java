package dev.osprey.media.room;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random SSRCs for the streams Osprey sends one subscriber (RFC 3550 §8.1: chosen at random, unique within the
 * session). Zero is avoided because some stacks treat it as "unset".
 */
final class SsrcAllocator {
    private final RandomGenerator random;
    private final Set<Long> used = new HashSet<>();

    SsrcAllocator(RandomGenerator random) {
        this.random = random;
    }

    long allocate() {
        while (true) {
            long ssrc = random.nextInt() & 0xFFFFFFFFL;
            if (ssrc != 0 && used.add(ssrc)) {
                return ssrc;
            }
        }
    }

    void release(long ssrc) {
        used.remove(ssrc);
    }
}
