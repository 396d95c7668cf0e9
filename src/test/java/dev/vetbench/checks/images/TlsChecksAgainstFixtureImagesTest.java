package dev.vetbench.checks.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.fallback.FallbackScsvCheck;
import dev.vetbench.checks.heartbleed.HeartbleedCheck;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.tls.StartTls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heartbleed and downgrade protection against the real fixture images (nginx with OpenSSL 3, PostgreSQL). */
class TlsChecksAgainstFixtureImagesTest {

    @BeforeEach
    void needsDocker() {
        TestBed.requireDocker();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED})
    void nginxVersionsPassHeartbleedAndDowngradeProtection(String image) throws Exception {
        try (FixtureContainer nginx = FixtureContainer.start(image, 443, StartTls.NONE, Map.of())) {
            CheckTarget target = new CheckTarget("127.0.0.1", nginx.port(), StartTls.NONE, image);

            CheckResult heartbleed = run(new HeartbleedCheck(), target);
            CheckResult fallback = run(new FallbackScsvCheck(), target);

            assertThat(heartbleed.verdict()).isEqualTo(Verdict.PASS);
            assertThat(heartbleed.evidence().facts()).containsEntry("before handshake heartbeat negotiated", "no");
            assertThat(fallback.verdict()).isEqualTo(Verdict.PASS);
            assertThat(fallback.evidence().facts()).containsEntry("fallback result",
                "alert inappropriate_fallback(86)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED})
    void nginxLimitedToOneVersionIsNotApplicableForDowngrade(String image) throws Exception {
        Map<String, String> env = Map.of("SSL_PROTOCOLS_OVERRIDE", "TLSv1.2");
        try (FixtureContainer nginx = FixtureContainer.start(image, 443, StartTls.NONE, env)) {
            CheckTarget target = new CheckTarget("127.0.0.1", nginx.port(), StartTls.NONE, image + " TLSv1.2 only");

            CheckResult fallback = run(new FallbackScsvCheck(), target);

            assertThat(fallback.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(fallback.summary()).contains("accepts only TLSv1.2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.RECORDS_DB_NO_VOLUME, TestBed.RECORDS_DB_VOLUME})
    void postgresThroughSslRequestPassesBoth(String image) throws Exception {
        Map<String, String> env = Map.of("PASSPHRASE", "test-only-passphrase", "USERNAME", "records",
            "DATABASE", "records");
        try (FixtureContainer db = FixtureContainer.start(image, 5432, StartTls.POSTGRES, env,
            List.of("--entrypoint", "bash"), "-c", CERTIFICATE_BEFORE_INIT_SERVER)) {
            CheckTarget target = new CheckTarget("127.0.0.1", db.port(), StartTls.POSTGRES, image);

            CheckResult heartbleed = run(new HeartbleedCheck(), target);
            CheckResult fallback = run(new FallbackScsvCheck(), target);

            assertThat(heartbleed.verdict()).isEqualTo(Verdict.PASS);
            assertThat(heartbleed.evidence().facts()).containsEntry("starttls", "postgres");
            assertThat(fallback.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    /**
     * Workaround for the first-cut records-db entrypoint, which starts its initialisation server with ssl = on
     * before it generates the certificate (so --initialize fails): generate it right after configure. A no-op once
     * the entrypoint is fixed.
     */
    private static final String CERTIFICATE_BEFORE_INIT_SERVER = "sed -i 's/^    configure$/    configure; "
        + "generate_certificate/' /usr/local/bin/records-db && exec /usr/local/bin/records-db --initialize";

    private static CheckResult run(Check check, CheckTarget target) {
        CheckResult result = check.run(target, CheckContext.standalone(check, target, Duration.ofSeconds(30)));
        System.out.println(result);
        return result;
    }
}
