package dev.vetbench.checks.heartbleed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.tls.GnutlsServer;
import dev.vetbench.tls.StartTls;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Heartbleed against a real server that answers well-formed heartbeats: GnuTLS with {@code --heartbeat}. */
class HeartbleedAgainstGnutlsTest {

    @Test
    void gnutlsWithHeartbeatsPassesAndEvidenceShowsHeartbeatsNegotiated() throws Exception {
        try (GnutlsServer server = GnutlsServer.start("--heartbeat")) {
            CheckTarget target = CheckTarget.of("127.0.0.1", server.port(), StartTls.NONE);
            HeartbleedCheck check = new HeartbleedCheck();

            CheckResult result = check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(20)));

            System.out.println(result);
            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().facts()).containsEntry("before handshake heartbeat negotiated", "yes");
            assertThat(result.evidence().facts()).containsKey("after handshake server reaction");
        }
    }

    @Test
    void gnutlsWithoutHeartbeatsPassesBecauseNoneAreNegotiated() throws Exception {
        try (GnutlsServer server = GnutlsServer.start()) {
            CheckTarget target = CheckTarget.of("127.0.0.1", server.port(), StartTls.NONE);
            HeartbleedCheck check = new HeartbleedCheck();

            CheckResult result = check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(20)));

            System.out.println(result);
            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().facts()).containsEntry("before handshake heartbeat negotiated", "no");
        }
    }
}
