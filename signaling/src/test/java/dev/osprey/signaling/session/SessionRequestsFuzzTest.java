package dev.osprey.signaling.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import livekit.LivekitRtc.SignalRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for what a client may send once joined: any {@code SignalRequest} that decodes is acted on, or
 * refused (counted in {@code osprey.signal.requests.rejected}), never fails with an unexpected exception (which
 * {@code osprey.signal.requests.failed} counts), and the participant stays in its room unless it asked to leave.
 * Corpus: {@code SessionRequestsFuzzTestInputs/requests} (offers, answers, AddTrack, mute, subscriptions, settings,
 * metadata).
 */
class SessionRequestsFuzzTest {

    private static SessionFixture sfu;
    private static SessionFixture.Client alice;

    @BeforeAll
    static void join() throws Exception {
        sfu = new SessionFixture();
        alice = sfu.join("fuzz", "alice");
        sfu.join("fuzz", "bob");
    }

    @AfterAll
    static void close() {
        sfu.close();
    }

    @FuzzTest(maxDuration = "2m")
    void requests(byte[] data) throws Exception {
        SignalRequest request;
        try {
            request = SignalRequest.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            return;
        }
        if (request.hasLeave()) {
            return; // leaving is legitimate and would end the session every other input needs
        }
        alice.session.onRequest(request);
        sfu.settle();
        assertThat(sfu.meters.find("osprey.signal.requests.failed").counters()).allSatisfy(c ->
                assertThat(c.count()).as("unexpected failure of %s", c.getId().getTag("request")).isZero());
        assertThat(alice.closed).isFalse();
    }
}
