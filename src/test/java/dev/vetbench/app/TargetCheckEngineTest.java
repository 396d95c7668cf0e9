package dev.vetbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vetbench.checks.CheckRegistry;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import dev.vetbench.testbed.TestBed;
import dev.vetbench.ui.versions.VersionRow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetCheckEngineTest {

    private final DockerEngineConnector engines = new DockerEngineConnector();
    private final TargetCheckEngine engine = new TargetCheckEngine(engines, CheckRegistry.standard());

    @BeforeEach
    void connect() throws Exception {
        TestBed.requireDocker();
        engines.connect(engines.defaultHost());
    }

    @AfterEach
    void close() {
        engines.close();
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
