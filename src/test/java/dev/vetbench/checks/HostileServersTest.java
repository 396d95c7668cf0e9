package dev.vetbench.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.fallback.FallbackScsvCheck;
import dev.vetbench.checks.heartbleed.HeartbleedCheck;
import dev.vetbench.tls.GnutlsServer;
import dev.vetbench.tls.StartTls;
import dev.vetbench.tls.fixtures.HostileServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile servers: whatever they do, both TLS checks end in ERROR or PASS with a reason, within the deadline, never
 * a hang, never an uncaught exception (ERROR for BUG), never a FAIL without a leak.
 */
class HostileServersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    /** The runner's grace plus scheduling slack on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    @ParameterizedTest
    @EnumSource(HostileServer.Behaviour.class)
    void hostileServerNeverYieldsFailHangOrBug(HostileServer.Behaviour behaviour) throws Exception {
        try (HostileServer server = HostileServer.start(behaviour)) {
            List<CheckResult> results = runBoth(server.port(), StartTls.NONE);

            assertSafe(results, behaviour.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ONE_BYTE_PER_SECOND", "GARBAGE", "PLAIN_HTTP"})
    void hostileServerBehindThePostgresPreambleIsHandledToo(String name) throws Exception {
        try (HostileServer server = HostileServer.start(HostileServer.Behaviour.valueOf(name))) {
            List<CheckResult> results = runBoth(server.port(), StartTls.POSTGRES);

            assertSafe(results, name + " via SSLRequest");
            assertThat(results).allSatisfy(result -> assertThat(result.verdict()).isEqualTo(Verdict.ERROR));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"closed port"})
    void closedPortIsConnectionRefused(String ignored) throws Exception {
        int port = GnutlsServer.freePort();

        List<CheckResult> results = runBoth(port, StartTls.NONE);

        assertThat(results).allSatisfy(result -> {
            assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(result.errorReason()).isEqualTo(ErrorReason.CONNECTION_REFUSED);
            assertThat(result.summary()).startsWith("Nothing accepts connections on 127.0.0.1:" + port);
        });
    }

    private static List<CheckResult> runBoth(int port, StartTls startTls) {
        CheckTarget target = CheckTarget.of("127.0.0.1", port, startTls);
        CheckRunner runner = new CheckRunner(2, DEADLINE);
        Instant start = Instant.now();
        List<CheckResult> results = runner.run(List.of(new HeartbleedCheck(), new FallbackScsvCheck()),
            List.of(target), ProgressListener.NONE, new CancellationToken());
        assertThat(Duration.between(start, Instant.now())).isLessThan(DEADLINE.plus(SLACK));
        results.forEach(result -> System.out.println(result.checkId() + " " + result.verdict() + " "
            + result.errorReason() + ": " + result.summary()));
        return results;
    }

    private static void assertSafe(List<CheckResult> results, String what) {
        assertThat(results).as(what).hasSize(2).allSatisfy(result -> {
            assertThat(result.verdict()).as(what).isIn(Verdict.ERROR, Verdict.PASS);
            assertThat(result.errorReason()).as(what).isNotEqualTo(ErrorReason.BUG);
            assertThat(result.summary()).as(what).isNotBlank().doesNotContain("Exception");
        });
    }
}
