package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Verdict;
import dev.vetbench.docker.Readiness;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.TargetProfiles;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.checks.VersionProfiles;
import dev.vetbench.ui.versions.VersionRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetCheckEngineTest {

    private final DockerEngineConnector engines = new DockerEngineConnector();
    private final TargetProfiles saved = new TargetProfiles(temporaryFolder());
    private final VersionProfileBook profiles = new VersionProfileBook(saved, engines);
    private final TargetCheckEngine engine = new TargetCheckEngine(engines, CheckRegistry.standard(), profiles);

    @BeforeEach
    void connect() throws Exception {
        TestBed.requireDocker();
        engines.connect(engines.defaultHost());
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("vetbench-profiles");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        engines.close();
    }

    @Test
    void aProfileSavedForAVersionIsUsedByItsNextRun() {
        VersionRow fixed = version(TestBed.FRONTEND, "1.5.0");
        TargetProfile builtIn = profiles.profileFor(fixed);
        profiles.save(fixed, builtIn.withReadiness(Readiness.logLine("never-printed-by-nginx"))
            .withDeadline(Duration.ofSeconds(3)));
        List<String> log = new CopyOnWriteArrayList<>();

        CheckResult result = engine.run("heartbleed", fixed, log::add, () -> false);

        assertThat(builtIn.name()).isEqualTo("nginx-tls-frontend");
        assertThat(log).anyMatch(line -> line.contains("with profile " + VersionProfiles.savedName(fixed)));
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.errorReason()).isEqualTo(ErrorReason.TARGET_NOT_READY);
    }

    @Test
    void theFixedFrontEndPassesHeartbleedAndTheLogFollowsTheTarget() {
        List<String> log = new CopyOnWriteArrayList<>();

        CheckResult result = engine.run("heartbleed", version(TestBed.FRONTEND, "1.5.0"), log::add, () -> false);

        assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASS);
        assertThat(result.target()).startsWith(TestBed.FRONTEND_FIXED + "@sha256:");
        assertThat(log).anyMatch(line -> line.startsWith("starting " + TestBed.FRONTEND_FIXED))
            .anyMatch(line -> line.startsWith("target ready, probing 127.0.0.1:"));
    }

    @Test
    void theFlawedFrontEndFailsProxyProtocolAndTheFixedOnePasses() {
        CheckResult flawed = engine.run("proxy-protocol", version(TestBed.FRONTEND, "1.4.2"), line -> { },
            () -> false);
        CheckResult fixed = engine.run("proxy-protocol", version(TestBed.FRONTEND, "1.5.0"), line -> { },
            () -> false);

        assertThat(flawed.verdict()).as(flawed.summary()).isEqualTo(Verdict.FAIL);
        assertThat(fixed.verdict()).as(fixed.summary()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aVersionThatDoesNotExistIsAnErrorNeverAPass() {
        CheckResult result = engine.run("heartbleed", version(TestBed.FRONTEND, "0.0.404"), line -> { }, () -> false);

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary()).isNotBlank();
    }

    @Test
    void theRegistrysChecksAreListedWithTheirHipaaReferences() {
        assertThat(engine.checks()).extracting(info -> info.id()).containsExactlyElementsOf(CheckRegistry.standard()
            .ids());
        assertThat(engine.checks()).allMatch(info -> info.hipaaReference().startsWith("164."));
    }

    private static VersionRow version(String repository, String tag) {
        return new VersionRow(repository, tag, "", -1, Instant.now(), true);
    }
}
