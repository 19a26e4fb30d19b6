package dev.osprey.turn.api;

import dev.osprey.turn.server.TurnClock;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance against a real TURN client: coturn's {@code turnutils_uclient} allocates on Osprey's relay in this JVM,
 * pairs its clients through their relayed addresses ({@code -y}) and must see every message come back (0 % loss).
 */
class UclientAcceptanceTest {
    private static final String UCLIENT = "/usr/bin/turnutils_uclient";
    private static final Pattern LOSS = Pattern.compile("Total lost packets (\\d+) \\(([0-9.]+)%\\)");
    /** The final totals line (progress lines also carry totals, prefixed by {@code msz=}). */
    private static final Pattern SENT = Pattern.compile("start_mclient: tot_send_msgs=(\\d+), tot_recv_msgs=(\\d+)");
    private static LoopbackTurnServer turn;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        requireUclient();
        var pem = dev.osprey.turn.net.TestCertificates.write(dir, "turn.osprey.test");
        turn = new LoopbackTurnServer(b -> b.certificate(pem.cert(), pem.key()));
    }

    @AfterAll
    static void stop() {
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void udpChannelDataBetweenTenClientsLosesNothing() throws Exception {
        Result result = uclient(List.of("-y", "-c", "-m", "10", "-n", "500", "-z", "2"), turn.udpPort());
        result.assertNoLoss(10 * 500);
    }

    @Test
    void tcpToTheServerLosesNothing() throws Exception {
        uclient(List.of("-t", "-y", "-c", "-m", "4", "-n", "40", "-z", "5"), turn.udpPort()).assertNoLoss(4 * 40);
    }

    @Test
    void tlsToTheServerLosesNothing() throws Exception {
        uclient(List.of("-t", "-S", "-y", "-c", "-m", "4", "-n", "40", "-z", "5"), turn.tlsPort()).assertNoLoss(4 * 40);
    }

    @Test
    void tcpRelayAllocationsLoseNothing() throws Exception {
        // -T: RFC 6062 allocations; every client Connects to every other one's relayed address, which announces the
        // connection with a ConnectionAttempt, and both ends bind a data connection with ConnectionBind
        uclient(List.of("-T", "-m", "4", "-n", "40", "-z", "5"), turn.udpPort()).assertNoLoss(4 * 40);
    }

    @Test
    void tcpRelayAllocationsOnTheEpollTransportLoseNothing() throws Exception {
        assumeTrue(Epoll.isAvailable(), "epoll is not available here");
        try (LoopbackTurnServer epoll = new LoopbackTurnServer(b -> b, TurnClock.SYSTEM, true)) {
            uclient(List.of("-T", "-m", "4", "-n", "40", "-z", "5"), epoll.udpPort()).assertNoLoss(4 * 40);
            uclient(List.of("-y", "-c", "-m", "4", "-n", "40", "-z", "5"), epoll.udpPort()).assertNoLoss(4 * 40);
        }
    }

    @Test
    void tcpRelayAllocationsOverTlsLoseNothing() throws Exception {
        uclient(List.of("-T", "-S", "-m", "4", "-n", "40", "-z", "5"), turn.tlsPort()).assertNoLoss(4 * 40);
    }

    @Test
    void sendIndicationsLoseNothing() throws Exception {
        uclient(List.of("-s", "-y", "-c", "-m", "4", "-n", "40", "-z", "5"), turn.udpPort()).assertNoLoss(4 * 40);
    }

    @Test
    void restCredentialsWork() throws Exception {
        Result result = run(List.of("-W", LoopbackTurnServer.REST_SECRET, "-u", "bob", "-y", "-c", "-m", "2",
                "-n", "40", "-z", "5", "-p", Integer.toString(turn.udpPort()), "127.0.0.1"));
        result.assertNoLoss(2 * 40);
    }

    @Test
    void wrongPasswordExits255() throws Exception {
        Result result = run(List.of("-u", LoopbackTurnServer.USER, "-w", "not-the-password", "-y", "-c", "-m", "1",
                "-n", "5", "-p", Integer.toString(turn.udpPort()), "127.0.0.1"));
        assertThat(result.exitCode).as(result.output).isEqualTo(255);
    }

    private static Result uclient(List<String> flags, int port) throws Exception {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("-u", LoopbackTurnServer.USER, "-w", LoopbackTurnServer.PASSWORD,
                "-p", Integer.toString(port), "127.0.0.1"));
        return run(args);
    }

    private static Result run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(UCLIENT);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("turnutils_uclient did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(output), command);
    }

    private static void requireUclient() {
        if (!Files.isExecutable(Path.of(UCLIENT))) {
            fail(UCLIENT + " is missing: run the project's test-deps install (it installs coturn) before these tests");
        }
    }

    private record Result(int exitCode, String output, List<String> command) {
        void assertNoLoss(int expectedMessages) {
            assertThat(exitCode).as("exit code of %s\n%s", command, output).isZero();
            Matcher loss = LOSS.matcher(output);
            assertThat(loss.find()).as("loss line in\n%s", output).isTrue();
            assertThat(Long.parseLong(loss.group(1))).as("lost packets\n%s", output).isZero();
            Matcher sent = SENT.matcher(output);
            assertThat(sent.find()).as("totals line in\n%s", output).isTrue();
            assertThat(Long.parseLong(sent.group(1))).as("messages sent\n%s", output)
                    .isGreaterThanOrEqualTo(expectedMessages);
            assertThat(sent.group(2)).as("messages received\n%s", output).isEqualTo(sent.group(1));
        }
    }
}
