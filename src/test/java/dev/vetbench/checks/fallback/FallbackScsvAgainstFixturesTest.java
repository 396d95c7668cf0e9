package dev.vetbench.checks.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.tls.StartTls;
import dev.vetbench.tls.fixtures.BcTlsServerFixture;
import dev.vetbench.tls.fixtures.BcTlsServerFixture.ScsvBehaviour;
import java.time.Duration;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.Test;

/** Downgrade protection against BouncyCastle TLS servers whose handling of TLS_FALLBACK_SCSV the test chooses. */
class FallbackScsvAgainstFixturesTest {

    @Test
    void serverThatHonoursTheScsvPasses() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.HONOUR)) {
            CheckResult result = run(server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.evidence().facts()).containsEntry("highest version accepted", "TLSv1.2")
                .containsEntry("fallback result", "alert inappropriate_fallback(86)");
        }
    }

    @Test
    void serverThatIgnoresTheScsvFails() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.IGNORE)) {
            CheckResult result = run(server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.summary()).contains("completed a fallback handshake at TLSv1.1");
            assertThat(result.evidence().facts().get("fallback result")).startsWith("completed at TLSv1.1");
        }
    }

    @Test
    void serverThatRefusesWithTheWrongAlertFailsAndSaysWhichAlert() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.WRONG_ALERT)) {
            CheckResult result = run(server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.summary()).contains("handshake_failure(40)").contains("not RFC 7507 behaviour");
        }
    }

    @Test
    void serverWithOneVersionIsNotApplicableAndNamesIt() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.IGNORE, ProtocolVersion.TLSv12)) {
            CheckResult result = run(server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(result.summary()).contains("accepts only TLSv1.2");
        }
    }

    @Test
    void serverWhoseHighestVersionIsTls10IsNotApplicable() throws Exception {
        try (BcTlsServerFixture server = BcTlsServerFixture.start(ScsvBehaviour.IGNORE, ProtocolVersion.TLSv10)) {
            CheckResult result = run(server.port());

            assertThat(result.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(result.summary()).contains("highest version is TLSv1.0");
        }
    }

    private static CheckResult run(int port) {
        FallbackScsvCheck check = new FallbackScsvCheck();
        CheckTarget target = CheckTarget.of("127.0.0.1", port, StartTls.NONE);
        CheckResult result = check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(20)));
        System.out.println(result);
        return result;
    }
}
