package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.EngineLeftovers;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void theTwoTlsChecksOfAVersionRunningTogetherShareOneContainer() throws Exception {
        VersionRow fixed = version(TestBed.FRONTEND, "1.5.0");
        List<String> heartbleedLog = new CopyOnWriteArrayList<>();
        List<String> fallbackLog = new CopyOnWriteArrayList<>();

        CompletableFuture<CheckResult> heartbleed = CompletableFuture.supplyAsync(
            () -> engine.run("heartbleed", fixed, heartbleedLog::add, () -> false));
        CompletableFuture<CheckResult> fallback = CompletableFuture.supplyAsync(
            () -> engine.run("fallback-scsv", fixed, fallbackLog::add, () -> false));

        assertThat(heartbleed.get(120, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.PASS);
        assertThat(fallback.get(120, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.PASS);
        List<String> lines = new ArrayList<>(heartbleedLog);
        lines.addAll(fallbackLog);
        assertThat(lines).filteredOn(line -> line.startsWith("Creating container")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("sharing the target")).hasSize(1);
        assertThat(EngineLeftovers.containersOfProfile("nginx-tls-frontend")).as("removed once both let go")
            .isEmpty();
    }

    @Test
    void whenOneOfTwoSharingChecksIsCancelledTheOtherStillRuns() throws Exception {
        VersionRow fixed = version(TestBed.FRONTEND, "1.5.0");
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> log = new CopyOnWriteArrayList<>();

        CompletableFuture<CheckResult> abandoned = CompletableFuture.supplyAsync(
            () -> engine.run("heartbleed", fixed, log::add, cancelled::get));
        CompletableFuture<CheckResult> kept = CompletableFuture.supplyAsync(
            () -> engine.run("fallback-scsv", fixed, log::add, () -> false));
        // Whichever of the two started the container, cancel the first one while the container starts.
        while (log.stream().noneMatch(line -> line.startsWith("Creating container"))) {
            Thread.sleep(5);
        }
        cancelled.set(true);

        CheckResult cancelledResult = abandoned.get(120, TimeUnit.SECONDS);
        assertThat(cancelledResult.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(cancelledResult.errorReason()).isEqualTo(ErrorReason.CANCELLED);
        CheckResult keptResult = kept.get(120, TimeUnit.SECONDS);
        assertThat(keptResult.verdict()).as(keptResult.summary()).isEqualTo(Verdict.PASS);
        assertThat(EngineLeftovers.containersOfProfile("nginx-tls-frontend")).isEmpty();
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
