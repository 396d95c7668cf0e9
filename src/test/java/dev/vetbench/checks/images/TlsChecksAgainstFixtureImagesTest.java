package dev.vetbench.checks.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.Check;
import dev.vetbench.checks.CheckContext;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.CheckTarget;
import dev.vetbench.checks.EndpointCheckOnImage;
import dev.vetbench.checks.ImageTarget;
import dev.vetbench.checks.Verdict;
import dev.vetbench.checks.fallback.FallbackScsvCheck;
import dev.vetbench.checks.heartbleed.HeartbleedCheck;
import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.testbed.TestBed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Heartbleed and downgrade protection against the real fixture images (nginx with OpenSSL 3, PostgreSQL), each
 * started from a built-in profile by {@link EndpointCheckOnImage} and removed after the check.
 */
class TlsChecksAgainstFixtureImagesTest {

    private DockerConnection docker;

    @BeforeEach
    void connect() {
        TestBed.requireDocker();
        docker = DockerConnection.connect();
    }

    @AfterEach
    void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED})
    void nginxVersionsPassHeartbleedAndDowngradeProtection(String image) {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend");

        CheckResult heartbleed = run(new HeartbleedCheck(), image, profile);
        CheckResult fallback = run(new FallbackScsvCheck(), image, profile);

        assertThat(heartbleed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(heartbleed.target()).startsWith(image + "@sha256:");
        assertThat(heartbleed.evidence().facts()).containsEntry("before handshake heartbeat negotiated", "no")
            .containsKey("digest");
        assertThat(fallback.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fallback.evidence().facts()).containsEntry("fallback result", "alert inappropriate_fallback(86)");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.FRONTEND_FLAWED, TestBed.FRONTEND_FIXED})
    void nginxLimitedToOneVersionIsNotApplicableForDowngrade(String image) {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend")
            .withEnvironment("SSL_PROTOCOLS_OVERRIDE", "TLSv1.2");

        CheckResult fallback = run(new FallbackScsvCheck(), image, profile);

        assertThat(fallback.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(fallback.summary()).contains("accepts only TLSv1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestBed.RECORDS_DB_NO_VOLUME, TestBed.RECORDS_DB_VOLUME})
    void postgresThroughSslRequestPassesBoth(String image) {
        TargetProfile profile = TargetProfiles.builtIn("postgres-database");

        CheckResult heartbleed = run(new HeartbleedCheck(), image, profile);
        CheckResult fallback = run(new FallbackScsvCheck(), image, profile);

        assertThat(heartbleed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(heartbleed.evidence().facts()).containsEntry("starttls", "postgres");
        assertThat(fallback.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fallback.evidence().facts()).containsEntry("starttls", "postgres");
    }

    @Test
    void nginxWithTls13OnlyPassesHeartbleedBecauseHeartbeatsNeedTls12OrLower() {
        TargetProfile profile = TargetProfiles.builtIn("nginx-tls-frontend")
            .withEnvironment("SSL_PROTOCOLS_OVERRIDE", "TLSv1.3");

        CheckResult heartbleed = run(new HeartbleedCheck(), TestBed.FRONTEND_FIXED, profile);
        CheckResult fallback = run(new FallbackScsvCheck(), TestBed.FRONTEND_FIXED, profile);

        assertThat(heartbleed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(heartbleed.summary()).contains("refused every TLS 1.0-1.2 handshake");
        assertThat(fallback.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(fallback.summary()).contains("accepts only TLSv1.3");
    }

    @Test
    void imageThatDoesNotExistIsAnErrorNotAPass() {
        CheckResult result = run(new HeartbleedCheck(), "medivendor/frontend:0.0.0-missing",
            TargetProfiles.builtIn("nginx-tls-frontend"));

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.passed()).isFalse();
    }

    private CheckResult run(Check check, String image, TargetProfile profile) {
        EndpointCheckOnImage onImage = new EndpointCheckOnImage(check);
        ImageTarget target = new ImageTarget(docker, image, profile, List.of());
        CheckTarget placeholder = target.asCheckTarget();
        CheckResult result = onImage.run(target, CheckContext.standalone(onImage, placeholder,
            profile.deadline().plus(Duration.ofSeconds(30))));
        System.out.println(result);
        return result;
    }
}
